import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, Trim } from '@webchat/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { USER_SEARCH_DEFAULT_LIMIT, USER_SEARCH_MAX_LIMIT } from '../../../../application/search-users.use-case';

export class SearchUsersQuery {
  @ApiProperty({ description: 'Start of a username (any case), or a whole email', minLength: 1, maxLength: 254 })
  @Trim()
  @IsString()
  @CodePointLength(1, 254)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: USER_SEARCH_MAX_LIMIT, default: USER_SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(USER_SEARCH_MAX_LIMIT)
  limit?: number;
}
