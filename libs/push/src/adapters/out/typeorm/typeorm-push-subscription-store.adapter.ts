import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SqlTransactions } from '@webchat/platform';
import { DataSource, In } from 'typeorm';
import { PushSubscriptionStore } from '../../../application/ports/push-subscription-store.port';
import { PushSubscription } from '../../../domain/push-subscription';
import { PushSubscriptionRecord } from './push-subscription.record';

const hashOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

/** PushSubscriptionStore on TypeORM: the same code serves SQLite and MySQL. */
@Injectable()
export class TypeormPushSubscriptionStore extends PushSubscriptionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async save(subscription: PushSubscription): Promise<void> {
    const record = { ...subscription, endpointHash: hashOf(subscription.endpoint) };
    // One statement: the key decides between two saves of one endpoint, never a read before the write.
    await this.transactions.run((manager) => manager.getRepository(PushSubscriptionRecord).upsert(record, ['endpointHash']));
  }

  async removeOwn(userId: string, endpoint: string): Promise<boolean> {
    const result = await this.transactions.run((manager) => manager.getRepository(PushSubscriptionRecord).delete({ endpointHash: hashOf(endpoint), userId }));
    return (result.affected ?? 0) > 0;
  }

  async removeEndpoint(endpoint: string): Promise<void> {
    await this.transactions.run((manager) => manager.getRepository(PushSubscriptionRecord).delete({ endpointHash: hashOf(endpoint) }));
  }

  async subscribedAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(PushSubscriptionRecord)
      .createQueryBuilder('subscription')
      .select('DISTINCT subscription.user_id', 'userId')
      .where('subscription.user_id IN (:...userIds)', { userIds: [...new Set(userIds)] })
      .getRawMany<{ userId: string }>();
    return new Set(rows.map((row) => row.userId));
  }

  async ofUsers(userIds: readonly string[]): Promise<PushSubscription[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(PushSubscriptionRecord).find({ where: { userId: In([...new Set(userIds)]) }, order: { createdAt: 'ASC' } });
    return rows.map(({ userId, endpoint, p256dh, auth, createdAt }) => ({ userId, endpoint, p256dh, auth, createdAt }));
  }

  async removeAllOf(userId: string): Promise<void> {
    await this.transactions.run((manager) => manager.getRepository(PushSubscriptionRecord).delete({ userId }));
  }
}
