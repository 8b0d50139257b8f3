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
}
