import { PasswordHasher } from '@webchat/platform/kernel';
import { maySpend, mayUse, Wallet, WalletRole } from '../domain/wallet';
import { WalletForbiddenError, WalletNotFoundError, WrongWalletPasswordError } from '../domain/wallet.errors';
import { LockedWallet } from './ports/wallet-ledger.port';
import { WalletStore } from './ports/wallet-store.port';

export interface WalletSeenBy {
  readonly wallet: Wallet;
  readonly role: WalletRole | undefined;
}

/** The permission rules shared by the wallet use cases, in the contract's order: 404, then 403. */
export class WalletAccess {
  constructor(
    private readonly wallets: WalletStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Any existing wallet (money may go into any of them). */
  async existing(walletId: string, userId: string): Promise<WalletSeenBy> {
    const [wallet, participant] = await Promise.all([this.wallets.findById(walletId), this.wallets.findParticipant(walletId, userId)]);
    if (!wallet) throw new WalletNotFoundError();
    return { wallet, role: participant?.role };
  }

  /** A wallet the user owns or takes part in; 404 to everyone else. */
  async used(walletId: string, userId: string): Promise<WalletSeenBy> {
    const seen = await this.existing(walletId, userId);
    if (!mayUse(seen.wallet, userId, seen.role)) throw new WalletNotFoundError();
    return seen;
  }

  /** The user may take money out of the wallet (403 otherwise), and the password is the wallet's (403). */
  async spendable(walletId: string, userId: string, password: string): Promise<WalletSeenBy> {
    const seen = await this.existing(walletId, userId);
    assertMaySpend({ wallet: seen.wallet, actorRole: seen.role }, userId);
    if (!(await this.hasher.verify(seen.wallet.passwordHash, password))) throw new WrongWalletPasswordError();
    return seen;
  }
}

/** Checked again under the row lock: the ADMIN may have changed since the first check. */
export function assertMaySpend(locked: LockedWallet, userId: string): void {
  if (!maySpend(locked.wallet, userId, locked.actorRole)) {
    throw new WalletForbiddenError(
      locked.wallet.kind === 'PERSONAL' ? 'Only the owner may spend from a personal wallet' : 'Only the ADMIN may spend from a group wallet',
    );
  }
}

export function assertMayDeposit(locked: LockedWallet, userId: string): void {
  if (!mayUse(locked.wallet, userId, locked.actorRole)) {
    throw new WalletForbiddenError(
      locked.wallet.kind === 'PERSONAL' ? 'Only the owner may deposit into a personal wallet' : 'Only participants may deposit into a group wallet',
    );
  }
}
