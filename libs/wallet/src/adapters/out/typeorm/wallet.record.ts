import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WalletKind } from '../../../domain/wallet';
import { BIGINT_AS_NUMBER } from './bigint-column';

/** Row of `wallets`. `last_entry_seq` numbers the wallet's ledger entries (1, 2, 3, …). */
@Entity({ name: 'wallets' })
export class WalletRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 10 }) kind!: WalletKind;
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true }) ownerId!: string | null;
  @Column({ name: 'channel_id', type: 'varchar', length: 36, nullable: true }) channelId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) name!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER }) balance!: number;
  @Column({ name: 'last_entry_seq', type: 'bigint', transformer: BIGINT_AS_NUMBER }) lastEntrySeq!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  /** Set when the owner's account was deleted: the row stays for its ledger's sake, but the wallet is gone to everyone. */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt?: Date | null;
}
