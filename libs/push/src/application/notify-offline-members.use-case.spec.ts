import { singleNodePresence, typeormStoreFixture } from '@webchat/platform/testing';
import { pushPersistence } from '../adapters/out/typeorm/push-persistence';
import { TypeormPushPreferenceStore } from '../adapters/out/typeorm/typeorm-push-preference-store.adapter';
import { TypeormPushSubscriptionStore } from '../adapters/out/typeorm/typeorm-push-subscription-store.adapter';
import { NewMessage } from '../domain/new-message';
import { PushChannel } from '../domain/push-notification';
import { NotifyOfflineMembers } from './notify-offline-members.use-case';
import { PushChannels } from './ports/push-channels.port';
import { PushMetrics } from './ports/push-metrics.port';
import { PushQueue } from './push-queue';

/** One channel with fixed members. */
class FixedChannel extends PushChannels {
  constructor(private readonly members: string[]) {
    super();
  }
  async requireMember(): Promise<void> {}
  async membersOf(): Promise<string[]> {
    return this.members;
  }
  async describe(channelId: string): Promise<PushChannel> {
    return { id: channelId, kind: 'GROUP', name: 'team', isPrivate: false };
  }
}

class CountedMetrics extends PushMetrics {
  folded = 0;
  sent(): void {}
  expired(): void {}
  failed(): void {}
  coalesced(count: number): void {
    this.folded += count;
  }
  dropped(): void {}
}

const text = (seq: number, senderId: string): NewMessage => ({ id: `m${seq}`, channelId: 'c1', seq, senderId, senderName: senderId, text: `hi ${seq}` });

describe('NotifyOfflineMembers', () => {
  const open = typeormStoreFixture('sqlite', [pushPersistence], (dataSource, transactions) => ({
    preferences: new TypeormPushPreferenceStore(dataSource, transactions),
    subscriptions: new TypeormPushSubscriptionStore(dataSource, transactions),
  }));
  let fixture: Awaited<ReturnType<typeof open>>;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(() => fixture.close());

  it('holds a notice for each offline, subscribed member who did not send it or mute the channel; SYSTEM notices for nobody', async () => {
    const presence = singleNodePresence();
    await presence.connected('online', 'socket-1');
    const { preferences, subscriptions } = fixture.store;
    await preferences.mute('muted', 'c1');
    for (const userId of ['ana', 'ben', 'online', 'muted']) {
      await subscriptions.save({ userId, endpoint: `https://push.example.com/${userId}`, p256dh: 'p', auth: 'a', createdAt: new Date() });
    }
    const queue = new PushQueue(1_000);
    const metrics = new CountedMetrics();
    const notify = new NotifyOfflineMembers(new FixedChannel(['ana', 'ben', 'online', 'muted', 'unsubscribed']), presence, subscriptions, preferences, queue, metrics);

    await notify.execute([
      { id: 's1', channelId: 'c1', seq: 1, senderId: null, senderName: null, text: 'Ben joined' },
      text(2, 'ana'),
      text(3, 'ana'),
      text(4, 'ben'),
    ]);

    const due = queue.takeDue(0).map(({ userId, notice }) => ({ userId, seq: notice.seq, count: notice.count }));
    // Ana sent 2 and 3, so only Ben's 4 is news to her; Ben gets Ana's two as one.
    expect(due.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([
      { userId: 'ana', seq: 4, count: 1 },
      { userId: 'ben', seq: 3, count: 2 },
    ]);
    expect(metrics.folded).toBe(1);
    await presence.stop();
  });
});
