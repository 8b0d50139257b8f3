import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CHANNEL_NAME_MAX_LENGTH } from '../../../domain/channel';
import { NAME_FOLDED_MAX_LENGTH } from './name-fold';

/** Row of `channels`. `name_folded` is the lower-cased name that search matches against. */
@Entity({ name: 'channels' })
export class ChannelRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 10 }) kind!: 'GROUP' | 'DIRECT';
  @Column({ type: 'varchar', length: CHANNEL_NAME_MAX_LENGTH, nullable: true }) name!: string | null;
  @Column({ name: 'name_folded', type: 'varchar', length: NAME_FOLDED_MAX_LENGTH, nullable: true }) nameFolded!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @Column({ name: 'is_private', type: 'boolean' }) isPrivate!: boolean;
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true }) passwordHash!: string | null;
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true }) ownerId!: string | null;
  @Column({ name: 'direct_key', type: 'varchar', length: 80, nullable: true }) directKey!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
