import { Clock } from '@webchat/platform/kernel';
import { checkPushEndpoint, checkPushKeys, PushEndpointPolicy, PushSubscription } from '../domain/push-subscription';
import { PushSubscriptionStore } from './ports/push-subscription-store.port';

export interface SubscribeCommand {
  readonly userId: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

/** Keeps a browser's subscription for the user (a browser subscribing again replaces its keys). */
export class SubscribeToPush {
  constructor(
    private readonly store: PushSubscriptionStore,
    private readonly policy: PushEndpointPolicy,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubscribeCommand): Promise<PushSubscription> {
    const endpoint = checkPushEndpoint(command.endpoint, this.policy);
    const keys = checkPushKeys(command.p256dh, command.auth);
    const subscription: PushSubscription = { userId: command.userId, endpoint, ...keys, createdAt: this.clock.now() };
    await this.store.save(subscription);
    return subscription;
  }
}
