import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from './bigint-column';

/** Row of `transfers`. A run of a reserved transfer carries (reserved_transfer_id, due_at), unique: one transfer per due time. */
@Entity({ name: 'transfers' })
export class TransferRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'from_wallet_id', type: 'varchar', length: 36 }) fromWalletId!: string;
  @Column({ name: 'to_wallet_id', type: 'varchar', length: 36 }) toWalletId!: string;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) amount!: number;
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'reserved_transfer_id', type: 'varchar', length: 36, nullable: true }) reservedTransferId!: string | null;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
