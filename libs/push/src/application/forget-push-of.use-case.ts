import { PushPreferenceStore } from './ports/push-preference-store.port';
import { PushSubscriptionStore } from './ports/push-subscription-store.port';

/** A deleted account's subscriptions and preferences go with it. */
export class ForgetPushOf {
  constructor(
    private readonly subscriptions: PushSubscriptionStore,
    private readonly preferences: PushPreferenceStore,
  ) {}

  async execute(userId: string): Promise<void> {
    await this.subscriptions.removeAllOf(userId);
    await this.preferences.removeAllOf(userId);
  }
}
