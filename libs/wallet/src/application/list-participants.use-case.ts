import { Participant } from '../domain/wallet';
import { WalletStore } from './ports/wallet-store.port';
import { WalletAccess } from './wallet-access';

export class ListParticipants {
  constructor(
    private readonly access: WalletAccess,
    private readonly wallets: WalletStore,
  ) {}

  /** For the owner or participants only (404 to others). A personal wallet lists its owner as ADMIN. */
  async execute(userId: string, walletId: string): Promise<Participant[]> {
    const { wallet } = await this.access.used(walletId, userId);
    if (wallet.kind === 'PERSONAL' && wallet.ownerId) {
      return [{ walletId, userId: wallet.ownerId, role: 'ADMIN', joinedAt: wallet.createdAt }];
    }
    return this.wallets.listParticipants(walletId);
  }
}
