import { ChannelHoldsMoneyError, ChannelRuleError, NotChannelMemberError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelFunds } from './ports/channel-funds.port';
import { ChannelStore } from './ports/channel-store.port';

export class LeaveChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
    private readonly events: ChannelEvents,
    private readonly funds: ChannelFunds,
  ) {}

  /**
   * The owner's role passes to the longest-standing member; the last member's leave deletes the
   * channel, unless a group wallet of it holds money (409). The store asks that inside the leave's
   * own transaction, under the channel's lock, which every money move of its wallets holds open
   * meanwhile: a deposit lands before (and the leave is 409) or finds the channel gone. What the
   * leaver controlled of the channel's funds passes to its owner in that same transaction.
   */
  async execute(userId: string, channelId: string): Promise<void> {
    const { channel } = await this.access.asMember(userId, channelId);
    if (channel.kind === 'DIRECT') throw new ChannelRuleError('A direct channel cannot be left');
    const outcome = await this.channels.removeMember(channelId, userId, {
      beforeDelete: async () => {
        if (await this.funds.holdsMoney(channelId)) throw new ChannelHoldsMoneyError();
      },
      afterLeave: (ownerId) => this.funds.memberLeft(channelId, userId, ownerId),
    });
    if (!outcome.removed) throw new NotChannelMemberError();
    await this.events.publish({ type: 'member.removed', channelId, userId });
    if (outcome.channelDeleted) await this.events.publish({ type: 'channel.deleted', channelId });
  }
}
