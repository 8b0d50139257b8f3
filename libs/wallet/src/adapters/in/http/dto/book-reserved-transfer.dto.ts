import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EntityId } from '@webchat/platform';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { RepeatRule } from '../../../../domain/reserved-transfer';
import { AmountField } from './amount';
import { WalletPasswordField } from './wallet-password';

export const REPEAT_RULES: readonly RepeatRule[] = ['NONE', 'DAILY', 'MONTHLY'];

export class BookReservedTransferDto {
  @ApiProperty({ format: 'uuid' })
  @EntityId()
  fromWalletId!: string;

  @ApiProperty({ format: 'uuid' })
  @EntityId()
  toWalletId!: string;

  @AmountField()
  amount!: number;

  @WalletPasswordField('The password of the wallet the money will leave')
  password!: string;

  @ApiProperty({ format: 'date-time', description: 'ISO-8601 with a time zone; must be in the future' })
  @IsISO8601({ strict: true, strictSeparator: true })
  executeAt!: string;

  @ApiPropertyOptional({ enum: REPEAT_RULES, default: 'NONE', description: 'MONTHLY booked on the 29th–31st runs on the last day of shorter months' })
  @IsOptional()
  @IsIn(REPEAT_RULES)
  repeat?: RepeatRule;
}
