import { PushSubscription } from '../../domain/push-subscription';

/** Where the browsers' push subscriptions are kept. */
export abstract class PushSubscriptionStore {
  /** Keeps the subscription; an endpoint already kept (for this or another user) is replaced. */
  abstract save(subscription: PushSubscription): Promise<void>;
  /** Removes the user's subscription with this endpoint; resolves whether there was one. */
  abstract removeOwn(userId: string, endpoint: string): Promise<boolean>;
  /** Removes the subscription with this endpoint, whoever's (the push service said it expired). */
  abstract removeEndpoint(endpoint: string): Promise<void>;
  /** Those among `userIds` with at least one subscription. */
  abstract subscribedAmong(userIds: readonly string[]): Promise<Set<string>>;
  /** The subscriptions of these users (none listed for a user with none). */
  abstract ofUsers(userIds: readonly string[]): Promise<PushSubscription[]>;
  /** Removes every subscription of the user (account deletion). */
  abstract removeAllOf(userId: string): Promise<void>;
}
