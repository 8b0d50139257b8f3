/**
 * Money that keeps a channel from being deleted: the last member cannot leave while a group
 * wallet of the channel holds money. The wallet library answers it; with no wallets, nothing does.
 */
export abstract class ChannelFunds {
  /**
   * Asked inside the transaction that deletes the channel, under its lock (ChannelStore.removeMember's
   * `beforeDelete`); the answer must be read in that transaction, so it stays true until the delete commits.
   */
  abstract holdsMoney(channelId: string): Promise<boolean>;
  /**
   * Called inside the leave's transaction, under the channel's lock, when a member left a channel
   * that stays, with its owner after the leave: the leaver's control of the channel's funds
   * passes to that owner, committed with the leave or not at all (no event to lose).
   */
  abstract memberLeft(channelId: string, leaverId: string, ownerId: string): Promise<void>;
}
