import { Clock } from '@webchat/platform/kernel';
import { WalletChannels } from './ports/wallet-channels.port';
import { WalletStore } from './ports/wallet-store.port';

export class HandOverAdmin {
  constructor(
    private readonly wallets: WalletStore,
    private readonly channels: WalletChannels,
    private readonly clock: Clock,
  ) {}

  /**
   * When a user left a channel: they stop taking part in its group wallets, and where they were
   * ADMIN the channel's owner becomes ADMIN. A channel that is gone has no owner to take over.
   */
  async execute(channelId: string, leaverId: string): Promise<string[]> {
    const heirId = await this.channels.ownerOf(channelId);
    if (!heirId || heirId === leaverId) return [];
    return this.wallets.handOverAdmin(channelId, leaverId, heirId, this.clock.now());
  }
}
