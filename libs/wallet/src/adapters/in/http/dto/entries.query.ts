import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const ENTRIES_DEFAULT_LIMIT = 50;
export const ENTRIES_MAX_LIMIT = 100;

export class EntriesQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,14}$/, { message: 'cursor must be a nextCursor this API gave' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: ENTRIES_MAX_LIMIT, default: ENTRIES_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ENTRIES_MAX_LIMIT)
  limit?: number;
}
