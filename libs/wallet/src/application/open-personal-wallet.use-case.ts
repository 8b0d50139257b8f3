import { Clock, IdGenerator, PasswordHasher } from '@webchat/platform/kernel';
import { Wallet } from '../domain/wallet';
import { WalletStore } from './ports/wallet-store.port';

export class OpenPersonalWallet {
  constructor(
    private readonly wallets: WalletStore,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** One personal wallet per user (409 for a second one), empty. */
  async execute(userId: string, password: string): Promise<Wallet> {
    const wallet: Wallet = {
      id: this.ids.next(),
      kind: 'PERSONAL',
      ownerId: userId,
      channelId: null,
      name: null,
      description: null,
      passwordHash: await this.hasher.hash(password),
      balance: 0,
      createdAt: this.clock.now(),
    };
    await this.wallets.createPersonal(wallet);
    return wallet;
  }
}
