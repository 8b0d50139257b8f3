import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { RepeatRule } from '../../../../domain/reserved-transfer';
import { TransferDto } from './transfer.dto';

export const REPEAT_RULES: readonly RepeatRule[] = ['NONE', 'DAILY', 'MONTHLY'];

/** A transfer's fields (checked alike at booking) plus when, and how often, it runs. */
export class BookReservedTransferDto extends TransferDto {
  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with a time zone; must be in the future' })
  @IsISO8601({ strict: true, strictSeparator: true })
  executeAt!: string;

  @ApiPropertyOptional({ enum: REPEAT_RULES, default: 'NONE', description: 'MONTHLY booked on the 29th–31st runs on the last day of shorter months' })
  @IsOptional()
  @IsIn(REPEAT_RULES)
  repeat?: RepeatRule;
}
