import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Row shape of `push_subscriptions`: keyed by the endpoint's SHA-256 (an endpoint is too long for a key). */
@Entity({ name: 'push_subscriptions' })
export class PushSubscriptionRecord {
  @PrimaryColumn({ name: 'endpoint_hash', type: 'varchar', length: 64 })
  endpointHash!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  @Index('idx_push_subscriptions_user_id')
  userId!: string;

  @Column({ name: 'endpoint', type: 'varchar', length: 2048 })
  endpoint!: string;

  @Column({ name: 'p256dh', type: 'varchar', length: 100 })
  p256dh!: string;

  @Column({ name: 'auth', type: 'varchar', length: 40 })
  auth!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
