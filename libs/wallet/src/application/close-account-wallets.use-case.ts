import { Clock } from '@webchat/platform/kernel';
import { AccountHoldsMoneyError } from '../domain/wallet.errors';
import { WalletStore } from './ports/wallet-store.port';

/**
 * A deleted account's personal wallet goes, if it is empty (409 otherwise: nothing of the
 * deletion stays), with whatever participations are left. Inside the deletion's transaction,
 * under the wallet row's lock: a racing deposit either commits first (and the deletion is 409)
 * or finds the wallet gone (404); money never lands in a deleted account's wallet.
 */
export class CloseAccountWallets {
  constructor(
    private readonly wallets: WalletStore,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string): Promise<void> {
    if ((await this.wallets.closeOwnedBy(userId, this.clock.now())) === 'HOLDS_MONEY') {
      throw new AccountHoldsMoneyError('Your personal wallet holds money: withdraw or transfer it first');
    }
  }
}
