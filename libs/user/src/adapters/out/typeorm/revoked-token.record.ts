import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row shape of `revoked_tokens`: a logged-out token, kept until it would have expired. */
@Entity({ name: 'revoked_tokens' })
export class RevokedTokenRecord {
  @PrimaryColumn({ name: 'token_id', type: 'varchar', length: 64 })
  tokenId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
