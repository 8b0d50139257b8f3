import { ApiProperty } from '@nestjs/swagger';
import { RepeatRule, ReservedStatus, ReservedTransfer, RunFailure } from '../../../../domain/reserved-transfer';

const FAILURES: RunFailure[] = ['INSUFFICIENT_FUNDS', 'WALLET_NOT_FOUND', 'NOT_ALLOWED'];

export class ReservedTransferResponse {
  @ApiProperty() id!: string;
  @ApiProperty() fromWalletId!: string;
  @ApiProperty() toWalletId!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ format: 'date-time', description: 'The next (or last) due time' }) executeAt!: string;
  @ApiProperty({ enum: ['NONE', 'DAILY', 'MONTHLY'] }) repeat!: RepeatRule;
  @ApiProperty({ enum: ['SCHEDULED', 'SUCCEEDED', 'FAILED', 'CANCELLED'] }) status!: ReservedStatus;
  @ApiProperty({ enum: FAILURES, nullable: true, description: 'Why a NONE transfer FAILED' }) failureReason!: RunFailure | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt!: string | null;
  @ApiProperty({ enum: ['SUCCEEDED', ...FAILURES], nullable: true }) lastResult!: 'SUCCEEDED' | RunFailure | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(reserved: ReservedTransfer): ReservedTransferResponse {
    return {
      id: reserved.id,
      fromWalletId: reserved.fromWalletId,
      toWalletId: reserved.toWalletId,
      amount: reserved.amount,
      executeAt: reserved.executeAt.toISOString(),
      repeat: reserved.repeat,
      status: reserved.status,
      failureReason: reserved.failureReason,
      lastRunAt: reserved.lastRunAt?.toISOString() ?? null,
      lastResult: reserved.lastResult,
      createdAt: reserved.createdAt.toISOString(),
    };
  }
}
