import { ChannelRuleError, NotChannelMemberError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';

export class LeaveChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
    private readonly events: ChannelEvents,
  ) {}

  /** The owner's role passes to the longest-standing member; the last member's leave deletes the channel. */
  async execute(userId: string, channelId: string): Promise<void> {
    const { channel } = await this.access.asMember(userId, channelId);
    if (channel.kind === 'DIRECT') throw new ChannelRuleError('A direct channel cannot be left');
    const outcome = await this.channels.removeMember(channelId, userId);
    if (!outcome.removed) throw new NotChannelMemberError();
    await this.events.publish({ type: 'member.removed', channelId, userId });
    if (outcome.channelDeleted) await this.events.publish({ type: 'channel.deleted', channelId });
  }
}
