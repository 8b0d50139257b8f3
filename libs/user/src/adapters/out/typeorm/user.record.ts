import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row shape of `users`; kept apart from the domain User. */
@Entity({ name: 'users' })
export class UserRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 50 })
  username!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** Tokens issued before this instant (ms) are void, except `keptTokenId` (set by a password change). */
  @Column({ name: 'tokens_void_before_ms', type: 'bigint', nullable: true })
  tokensVoidBeforeMs?: string | null;

  @Column({ name: 'kept_token_id', type: 'varchar', length: 64, nullable: true })
  keptTokenId?: string | null;
}
