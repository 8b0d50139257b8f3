import { ChannelRuleError, NotChannelMemberError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { leaveEvents, leaveSteps } from './leave-steps';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelFunds } from './ports/channel-funds.port';
import { ChannelStore } from './ports/channel-store.port';
import { MembershipNotices } from './ports/membership-notices.port';

export class LeaveChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
    private readonly events: ChannelEvents,
    private readonly funds: ChannelFunds,
    private readonly notices: MembershipNotices,
  ) {}

  /**
   * The owner's role passes to the longest-standing member; the last member's leave deletes the
   * channel, unless a group wallet of it holds money (409). The store asks that inside the leave's
   * own transaction, under the channel's lock (see leaveSteps): a deposit lands before (and the
   * leave is 409) or finds the channel gone.
   */
  async execute(userId: string, channelId: string): Promise<void> {
    const { channel } = await this.access.asMember(userId, channelId);
    if (channel.kind === 'DIRECT') throw new ChannelRuleError('A direct channel cannot be left');
    const outcome = await this.channels.removeMember(channelId, userId, leaveSteps(this.funds, channelId, userId));
    if (!outcome.removed) throw new NotChannelMemberError();
    for (const event of leaveEvents(channelId, userId, outcome)) await this.events.publish(event);
    // A deleted channel has no history left to tell.
    if (!outcome.channelDeleted) await this.notices.left(channelId, userId);
  }
}
