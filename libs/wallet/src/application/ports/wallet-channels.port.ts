export type ChannelRole = 'OWNER' | 'MEMBER';

/** What wallets need to know about channels. */
export abstract class WalletChannels {
  /** The user's role in the channel, undefined when not a member (or no such channel). */
  abstract roleOf(channelId: string, userId: string): Promise<ChannelRole | undefined>;
  /** The owner of a group channel, undefined when it is gone. */
  abstract ownerOf(channelId: string): Promise<string | undefined>;
  /**
   * Called by a wallet store inside its own transaction: the channel cannot be deleted until that
   * transaction ends (its last leave waits, then asks whether a group wallet holds money). False
   * when the channel is gone already: its group wallets take no more money or participants.
   */
  abstract holdOpen(channelId: string): Promise<boolean>;
}
