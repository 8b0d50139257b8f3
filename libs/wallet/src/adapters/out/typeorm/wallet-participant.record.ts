import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WalletRole } from '../../../domain/wallet';

@Entity({ name: 'wallet_participants' })
export class WalletParticipantRecord {
  @PrimaryColumn({ name: 'wallet_id', type: 'varchar', length: 36 }) walletId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 10 }) role!: WalletRole;
  @Column({ name: 'joined_at', type: 'datetime', precision: 3 }) joinedAt!: Date;
}
