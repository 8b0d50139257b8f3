import { ChannelEvent } from '../domain/channel-event';
import { leaveEvents, leaveSteps } from './leave-steps';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelFunds } from './ports/channel-funds.port';
import { ChannelStore } from './ports/channel-store.port';
import { MembershipNotices } from './ports/membership-notices.port';

/**
 * A deleted account leaves every channel, inside the deletion's transaction (each store call joins
 * it): a group channel as on leave (ownership and wallet ADMIN pass on, the last member's leave
 * deletes the channel unless its wallets hold money: 409 undoes the whole deletion); a direct
 * channel goes with both of its members. Channels are taken in ascending id order, the order money
 * moves hold them in. Resolves the announcement of it all, to make once the deletion committed
 * (the leave notices then name the account as deleted: it is gone by then).
 */
export class LeaveAllChannels {
  constructor(
    private readonly channels: ChannelStore,
    private readonly events: ChannelEvents,
    private readonly funds: ChannelFunds,
    private readonly notices: MembershipNotices,
  ) {}

  async execute(userId: string): Promise<() => Promise<void>> {
    const mine = (await this.channels.listForMember(userId)).map((entry) => entry.channel).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const events: ChannelEvent[] = [];
    const noticesOfLeave: string[] = [];
    for (const channel of mine) {
      const leavers = channel.kind === 'DIRECT' ? [userId, ...(await this.peersIn(channel.id, userId))] : [userId];
      for (const leaverId of leavers) {
        const outcome = await this.channels.removeMember(channel.id, leaverId, leaveSteps(this.funds, channel.id, leaverId));
        if (outcome.removed) events.push(...leaveEvents(channel.id, leaverId, outcome));
        // A direct channel goes with both members: no notice; nor in a group channel the leave deleted.
        if (outcome.removed && channel.kind === 'GROUP' && !outcome.channelDeleted) noticesOfLeave.push(channel.id);
      }
    }
    return async () => {
      for (const event of events) await this.events.publish(event);
      for (const channelId of noticesOfLeave) await this.notices.left(channelId, userId);
    };
  }

  private async peersIn(channelId: string, userId: string): Promise<string[]> {
    return (await this.channels.listMembers(channelId)).map((member) => member.userId).filter((id) => id !== userId);
  }
}
