import { ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, Trim } from '@webchat/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT } from '../../../../application/search-channels.use-case';

export class SearchChannelsQuery {
  @ApiPropertyOptional({ description: 'Part of the name, any case; empty lists all public channels', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @CodePointLength(0, 100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit?: number;
}
