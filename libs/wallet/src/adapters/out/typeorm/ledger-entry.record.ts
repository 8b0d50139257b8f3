import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EntryType } from '../../../domain/ledger-entry';
import { BIGINT_AS_NUMBER } from './bigint-column';

/** Row of `ledger_entries`: append-only, never updated or deleted. */
@Entity({ name: 'ledger_entries' })
export class LedgerEntryRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'wallet_id', type: 'varchar', length: 36 }) walletId!: string;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) seq!: number;
  @Column({ type: 'varchar', length: 20 }) type!: EntryType;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) amount!: number;
  @Column({ name: 'balance_after', type: 'bigint', transformer: BIGINT_AS_NUMBER }) balanceAfter!: number;
  @Column({ name: 'transfer_id', type: 'varchar', length: 36, nullable: true }) transferId!: string | null;
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
