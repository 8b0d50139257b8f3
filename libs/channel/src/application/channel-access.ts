import { ChannelView, isVisibleTo } from '../domain/channel';
import { ChannelNotFoundError, NotChannelMemberError } from '../domain/channel.errors';
import { Membership } from '../domain/membership';
import { ChannelStore } from './ports/channel-store.port';

export interface ChannelSeenBy {
  readonly channel: ChannelView;
  readonly membership?: Membership;
}

/** The visibility rules shared by the channel use cases. */
export class ChannelAccess {
  constructor(private readonly channels: ChannelStore) {}

  /** The channel as `userId` may see it; 404 for unknown ids and for private or direct channels of others. */
  async visible(userId: string, channelId: string): Promise<ChannelSeenBy> {
    const [channel, membership] = await Promise.all([
      this.channels.findById(channelId),
      this.channels.findMembership(channelId, userId),
    ]);
    if (!channel || !isVisibleTo(channel, membership !== undefined)) throw new ChannelNotFoundError();
    return { channel, membership };
  }

  /** Like `visible`, and the user must be a member (403 on a public channel they are not in). */
  async asMember(userId: string, channelId: string): Promise<Required<ChannelSeenBy>> {
    const seen = await this.visible(userId, channelId);
    if (!seen.membership) throw new NotChannelMemberError();
    return { channel: seen.channel, membership: seen.membership };
  }
}
