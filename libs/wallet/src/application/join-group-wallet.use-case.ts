import { Clock } from '@webchat/platform/kernel';
import { Participant } from '../domain/wallet';
import { WalletForbiddenError, WalletNotFoundError } from '../domain/wallet.errors';
import { WalletChannels } from './ports/wallet-channels.port';
import { WalletStore } from './ports/wallet-store.port';

export class JoinGroupWallet {
  constructor(
    private readonly wallets: WalletStore,
    private readonly channels: WalletChannels,
    private readonly clock: Clock,
  ) {}

  /** Members of the wallet's channel join as MEMBER; joining again changes nothing. */
  async execute(userId: string, walletId: string): Promise<{ participant: Participant; added: boolean }> {
    const wallet = await this.wallets.findById(walletId);
    if (!wallet) throw new WalletNotFoundError();
    if (wallet.kind !== 'GROUP' || !wallet.channelId) throw new WalletForbiddenError('A personal wallet has no participants to join');
    if (!(await this.channels.roleOf(wallet.channelId, userId))) {
      throw new WalletForbiddenError("Only members of the wallet's channel may join it");
    }
    return this.wallets.addParticipant({ walletId, userId, role: 'MEMBER', joinedAt: this.clock.now() });
  }
}
