import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from '../../../../domain/history-limits';
import { QueryInteger } from './query-integer';

export class HistoryQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'The newest messages with a lower seq (not with afterSeq)' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  beforeSeq?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'The oldest messages with a higher seq (not with beforeSeq)' })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  afterSeq?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: HISTORY_MAX_LIMIT, default: HISTORY_DEFAULT_LIMIT })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(HISTORY_MAX_LIMIT)
  limit?: number;
}
