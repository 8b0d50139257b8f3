import { ChannelActivity, ChannelActivitySummary } from './ports/channel-activity.port';
import { ChannelStore, MyChannel } from './ports/channel-store.port';

/** One of my channels with what I have not read in it yet. */
export type MyChannelWithActivity = MyChannel & ChannelActivitySummary;

export class ListMyChannels {
  constructor(
    private readonly channels: ChannelStore,
    private readonly activity: ChannelActivity,
  ) {}

  async execute(userId: string): Promise<MyChannelWithActivity[]> {
    const mine = await this.channels.listForMember(userId);
    const summaries = await this.activity.summaries(mine.map(({ membership }) => membership));
    return mine.map((entry) => ({ ...entry, ...(summaries.get(entry.channel.id) ?? { unreadCount: 0, lastMessage: null }) }));
  }
}
