/**
 * Money that keeps a channel from being deleted: the last member cannot leave while a group
 * wallet of the channel holds money. The wallet library answers it; with no wallets, nothing does.
 */
export abstract class ChannelFunds {
  abstract holdsMoney(channelId: string): Promise<boolean>;
}
