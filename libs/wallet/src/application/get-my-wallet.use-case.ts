import { Wallet } from '../domain/wallet';
import { WalletNotFoundError } from '../domain/wallet.errors';
import { WalletStore } from './ports/wallet-store.port';

export class GetMyWallet {
  constructor(private readonly wallets: WalletStore) {}

  async execute(userId: string): Promise<Wallet> {
    const wallet = await this.wallets.findPersonal(userId);
    if (!wallet) throw new WalletNotFoundError();
    return wallet;
  }
}
