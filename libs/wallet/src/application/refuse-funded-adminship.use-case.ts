import { AccountHoldsMoneyError } from '../domain/wallet.errors';
import { WalletStore } from './ports/wallet-store.port';

/**
 * An account that is ADMIN of a group wallet holding money may not be deleted (409): the ADMIN
 * hands it over or spends it first. Asked before the account leaves its channels, whose leaves
 * would pass ADMIN on to the owners; a plain read, so it takes no wallet lock ahead of the
 * channel locks those leaves take (channel before wallets, the order every money move keeps).
 * Money that lands in such a wallet after the read stays in the group wallet, whose ADMIN the leave hands over.
 */
export class RefuseFundedAdminship {
  constructor(private readonly wallets: WalletStore) {}

  async execute(userId: string): Promise<void> {
    if (await this.wallets.isAdminOfFundedWallet(userId)) {
      throw new AccountHoldsMoneyError('You are ADMIN of a group wallet that holds money: hand it over or spend it first');
    }
  }
}
