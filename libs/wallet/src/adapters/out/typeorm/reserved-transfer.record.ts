import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RepeatRule, ReservedStatus, RunFailure } from '../../../domain/reserved-transfer';
import { BIGINT_AS_NUMBER } from './bigint-column';

/** Row of `reserved_transfers`; the scheduler claims rows with status SCHEDULED and execute_at due. */
@Entity({ name: 'reserved_transfers' })
export class ReservedTransferRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'booked_by_id', type: 'varchar', length: 36 }) bookedById!: string;
  @Column({ name: 'from_wallet_id', type: 'varchar', length: 36 }) fromWalletId!: string;
  @Column({ name: 'to_wallet_id', type: 'varchar', length: 36 }) toWalletId!: string;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) amount!: number;
  @Column({ name: 'repeat_rule', type: 'varchar', length: 10 }) repeat!: RepeatRule;
  @Column({ name: 'anchor_day', type: 'int' }) anchorDay!: number;
  @Column({ name: 'execute_at', type: 'datetime', precision: 3 }) executeAt!: Date;
  @Column({ type: 'varchar', length: 12 }) status!: ReservedStatus;
  @Column({ name: 'failure_reason', type: 'varchar', length: 200, nullable: true }) failureReason!: RunFailure | null;
  @Column({ name: 'last_run_at', type: 'datetime', precision: 3, nullable: true }) lastRunAt!: Date | null;
  @Column({ name: 'last_result', type: 'varchar', length: 200, nullable: true }) lastResult!: 'SUCCEEDED' | RunFailure | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
