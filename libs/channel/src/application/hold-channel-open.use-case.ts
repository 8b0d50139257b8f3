import { ChannelStore } from './ports/channel-store.port';

/**
 * For other libraries (wallets), inside their own transaction: the channel cannot be deleted
 * until that transaction ends. False when it is gone already.
 */
export class HoldChannelOpen {
  constructor(private readonly channels: ChannelStore) {}

  execute(channelId: string): Promise<boolean> {
    return this.channels.holdOpen(channelId);
  }
}
