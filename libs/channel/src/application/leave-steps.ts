import { ChannelEvent } from '../domain/channel-event';
import { ChannelHoldsMoneyError } from '../domain/channel.errors';
import { ChannelFunds } from './ports/channel-funds.port';
import { LeaveOutcome, LeaveSteps } from './ports/channel-store.port';

/**
 * The money rules of a leave, run by the store inside the leave's transaction under the channel's
 * lock: the last member may not leave while a group wallet of the channel holds money (which every
 * money move of its wallets holds open meanwhile), and what the leaver controlled of the channel's
 * funds passes to its owner in that same transaction.
 */
export function leaveSteps(funds: ChannelFunds, channelId: string, leaverId: string): LeaveSteps {
  return {
    beforeDelete: async () => {
      if (await funds.holdsMoney(channelId)) throw new ChannelHoldsMoneyError();
    },
    afterLeave: (ownerId) => funds.memberLeft(channelId, leaverId, ownerId),
  };
}

/** What a done leave tells every node (rooms, members' lists). */
export function leaveEvents(channelId: string, userId: string, outcome: LeaveOutcome): ChannelEvent[] {
  const removed: ChannelEvent = { type: 'member.removed', channelId, userId };
  return outcome.channelDeleted ? [removed, { type: 'channel.deleted', channelId }] : [removed];
}
