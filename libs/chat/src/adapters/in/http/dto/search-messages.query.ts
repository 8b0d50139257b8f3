import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodePointLength, Trim } from '@webchat/platform';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_QUERY_MAX_CODE_POINTS } from '../../../../domain/history-limits';
import { QueryInteger } from './query-integer';

export class SearchMessagesQuery {
  @ApiProperty({ example: '안녕', minLength: 1, maxLength: SEARCH_QUERY_MAX_CODE_POINTS, description: 'Trimmed; found anywhere in the text, any case, taken literally' })
  @Trim()
  @IsString()
  @CodePointLength(1, SEARCH_QUERY_MAX_CODE_POINTS)
  q!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit?: number;
}
