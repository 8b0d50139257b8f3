import { Presence } from '@webchat/platform/kernel';
import { composeNotification, PushChannel } from '../domain/push-notification';
import { PushSubscription } from '../domain/push-subscription';
import { PushChannels } from './ports/push-channels.port';
import { PushMetrics } from './ports/push-metrics.port';
import { PushPreferenceStore } from './ports/push-preference-store.port';
import { PushSender } from './ports/push-sender.port';
import { PushSubscriptionStore } from './ports/push-subscription-store.port';
import { DueNotice, PushQueue } from './push-queue';

/** Sends in flight at once: enough to overlap the push services' latency, few enough to stay polite. */
const PARALLEL_SENDS = 8;

/**
 * Sends the notifications whose coalescing window is over, to every subscription of each user:
 * one attempt each. A user who came online meanwhile is skipped (they see the messages); a
 * subscription the push service calls gone (404/410) is removed; other failures are counted.
 */
export class SendDueNotifications {
  constructor(
    private readonly queue: PushQueue,
    private readonly presence: Presence,
    private readonly subscriptions: PushSubscriptionStore,
    private readonly preferences: PushPreferenceStore,
    private readonly channels: PushChannels,
    private readonly sender: PushSender,
    private readonly metrics: PushMetrics,
  ) {}

  async execute(now: Date): Promise<void> {
    const due = this.queue.takeDue(now.getTime());
    if (due.length === 0) return;
    const userIds = [...new Set(due.map((entry) => entry.userId))];
    const online = await this.presence.onlineAmong(userIds);
    const offlineDue = due.filter((entry) => !online.has(entry.userId));
    if (offlineDue.length === 0) return;
    const subscriptionsOf = groupByUser(await this.subscriptions.ofUsers(userIds.filter((userId) => !online.has(userId))));
    const showingText = await this.preferences.showingPrivateText([...subscriptionsOf.keys()]);
    const sends: (() => Promise<void>)[] = [];
    const channels = new Map<string, PushChannel | undefined>();
    for (const entry of offlineDue) {
      const targets = subscriptionsOf.get(entry.userId);
      if (!targets) continue;
      const channel = await this.describe(channels, entry);
      if (!channel) continue;
      const payload = JSON.stringify(composeNotification(channel, entry.notice, showingText.has(entry.userId)));
      for (const subscription of targets) sends.push(() => this.sendOne(subscription, payload, topicOf(channel.id)));
    }
    await inParallel(sends, PARALLEL_SENDS);
  }

  /** The channel as the recipient sees it; one read per channel and tick (undefined: gone, or they left). */
  private async describe(cache: Map<string, PushChannel | undefined>, entry: DueNotice): Promise<PushChannel | undefined> {
    const known = cache.get(entry.notice.channelId);
    if (known) return known;
    const channel = await this.channels.describe(entry.notice.channelId, entry.userId);
    if (channel) cache.set(channel.id, channel);
    return channel;
  }

  private async sendOne(subscription: PushSubscription, payload: string, topic: string): Promise<void> {
    const outcome = await this.sender.send(subscription, payload, topic);
    if (outcome.kind === 'sent') this.metrics.sent();
    else if (outcome.kind === 'failed') this.metrics.failed(outcome.reason);
    else {
      this.metrics.expired();
      await this.subscriptions.removeEndpoint(subscription.endpoint);
    }
  }
}

function groupByUser(subscriptions: readonly PushSubscription[]): Map<string, PushSubscription[]> {
  const byUser = new Map<string, PushSubscription[]>();
  for (const subscription of subscriptions) byUser.set(subscription.userId, [...(byUser.get(subscription.userId) ?? []), subscription]);
  return byUser;
}

/** The push service's Topic header (≤ 32 URL-safe characters): one per channel, so a newer notice replaces an undelivered one. */
function topicOf(channelId: string): string {
  return channelId.replace(/-/g, '').slice(0, 32);
}

async function inParallel(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}
