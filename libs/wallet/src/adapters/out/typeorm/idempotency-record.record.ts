import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IdempotencyStatus = 'IN_PROGRESS' | 'DONE';

/** Row of `idempotency_records`, unique on (user_id, route, client_key). */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 100 }) route!: string;
  @Column({ name: 'client_key', type: 'varchar', length: 100 }) clientKey!: string;
  @Column({ type: 'varchar', length: 64 }) fingerprint!: string;
  @Column({ type: 'varchar', length: 12 }) status!: IdempotencyStatus;
  @Column({ type: 'varchar', length: 36 }) token!: string;
  @Column({ name: 'response_status', type: 'int', nullable: true }) responseStatus!: number | null;
  @Column({ name: 'response_body', type: 'text', nullable: true }) responseBody!: string | null;
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3 }) claimedAt!: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
