import { Presence } from '@webchat/platform/kernel';
import { NewMessage } from '../domain/new-message';
import { PushChannels } from './ports/push-channels.port';
import { PushMetrics } from './ports/push-metrics.port';
import { PushPreferenceStore } from './ports/push-preference-store.port';
import { PushSubscriptionStore } from './ports/push-subscription-store.port';
import { PushQueue } from './push-queue';

/**
 * The push decision for a batch of stored messages, made once in the cluster (by the node that
 * stored them): a member is notified when no socket of theirs is connected on any node, they did
 * not send the message and did not mute the channel. SYSTEM notices notify nobody. The notices
 * are held in the queue, where a burst per user and channel becomes one notification.
 * Cheapest first: members and presence come from memory, then one read narrows the offline
 * members to those with a subscription (usually few), and only those are checked for mutes.
 */
export class NotifyOfflineMembers {
  constructor(
    private readonly channels: PushChannels,
    private readonly presence: Presence,
    private readonly subscriptions: PushSubscriptionStore,
    private readonly preferences: PushPreferenceStore,
    private readonly queue: PushQueue,
    private readonly metrics: PushMetrics,
  ) {}

  async execute(messages: readonly NewMessage[]): Promise<void> {
    const byChannel = new Map<string, NewMessage[]>();
    for (const message of messages) {
      if (message.senderId === null) continue;
      byChannel.set(message.channelId, [...(byChannel.get(message.channelId) ?? []), message]);
    }
    for (const [channelId, channelMessages] of byChannel) await this.decide(channelId, channelMessages);
  }

  private async decide(channelId: string, messages: readonly NewMessage[]): Promise<void> {
    const members = await this.channels.membersOf(channelId);
    const online = await this.presence.onlineAmong(members);
    const offline = members.filter((userId) => !online.has(userId));
    if (offline.length === 0) return;
    const subscribed = [...(await this.subscriptions.subscribedAmong(offline))];
    if (subscribed.length === 0) return;
    const muted = await this.preferences.mutedAmong(channelId, subscribed);
    const recipients = subscribed.filter((userId) => !muted.has(userId));
    let folded = 0;
    for (const message of messages) {
      for (const userId of recipients) if (userId !== message.senderId && this.queue.hold(userId, message)) folded += 1;
    }
    if (folded > 0) this.metrics.coalesced(folded);
  }
}
