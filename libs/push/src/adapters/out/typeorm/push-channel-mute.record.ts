import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row shape of `push_channel_mutes`: one row per muted (user, channel). */
@Entity({ name: 'push_channel_mutes' })
export class PushChannelMuteRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 })
  @Index('idx_push_channel_mutes_channel_id')
  channelId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
