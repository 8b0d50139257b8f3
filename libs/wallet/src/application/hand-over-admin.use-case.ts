import { Clock } from '@webchat/platform/kernel';
import { WalletStore } from './ports/wallet-store.port';

export class HandOverAdmin {
  constructor(
    private readonly wallets: WalletStore,
    private readonly clock: Clock,
  ) {}

  /**
   * When a user left a channel that stays: they stop taking part in its group wallets, and where
   * they were ADMIN the channel's owner (after the leave) becomes ADMIN. Runs inside the leave's
   * transaction (the channel library asks it through ChannelFunds.memberLeft).
   */
  async execute(channelId: string, leaverId: string, ownerId: string): Promise<string[]> {
    if (ownerId === leaverId) return [];
    return this.wallets.handOverAdmin(channelId, leaverId, ownerId, this.clock.now());
  }
}
