import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `channel_members`: one per (channel, user), by its primary key. */
@Entity({ name: 'channel_members' })
export class ChannelMemberRecord {
  @PrimaryColumn({ name: 'channel_id', type: 'varchar', length: 36 }) channelId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 10 }) role!: 'OWNER' | 'MEMBER';
  @Column({ name: 'joined_at', type: 'datetime', precision: 3 }) joinedAt!: Date;
  @Column({ name: 'last_read_seq', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  lastReadSeq!: number;
}
