import { Wallet } from '../domain/wallet';
import { WalletChannelNotFoundError } from '../domain/wallet.errors';
import { WalletChannels } from './ports/wallet-channels.port';
import { WalletStore } from './ports/wallet-store.port';

export class ListChannelWallets {
  constructor(
    private readonly wallets: WalletStore,
    private readonly channels: WalletChannels,
  ) {}

  /** For channel members only (404 to others, as for a private channel). */
  async execute(userId: string, channelId: string): Promise<Wallet[]> {
    if (!(await this.channels.roleOf(channelId, userId))) throw new WalletChannelNotFoundError();
    return this.wallets.listOfChannel(channelId);
  }
}
