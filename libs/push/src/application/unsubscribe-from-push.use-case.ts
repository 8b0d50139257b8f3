import { PushSubscriptionNotFoundError } from '../domain/push.errors';
import { PushSubscriptionStore } from './ports/push-subscription-store.port';

/** Removes one of the user's subscriptions by its endpoint. */
export class UnsubscribeFromPush {
  constructor(private readonly store: PushSubscriptionStore) {}

  async execute(userId: string, endpoint: string): Promise<void> {
    if (!(await this.store.removeOwn(userId, endpoint))) throw new PushSubscriptionNotFoundError();
  }
}
