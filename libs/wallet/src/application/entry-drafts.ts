import { IdGenerator } from '@webchat/platform/kernel';
import { balanceAfter, EntryType, LedgerEntry } from '../domain/ledger-entry';
import { Money } from '../domain/money';
import { LockedWallet } from './ports/wallet-ledger.port';

/** The entry that moves `amount` in or out of a locked wallet (InsufficientFundsError below zero). */
export function entryFor(
  locked: LockedWallet,
  type: EntryType,
  amount: Money,
  move: { readonly actorId: string; readonly at: Date; readonly transferId: string | null; readonly ids: IdGenerator },
): LedgerEntry {
  const after = balanceAfter(Money.of(locked.wallet.balance), type, amount);
  return {
    id: move.ids.next(),
    walletId: locked.wallet.id,
    type,
    amount: amount.won,
    balanceAfter: after.won,
    transferId: move.transferId,
    actorId: move.actorId,
    createdAt: move.at,
  };
}

/** The locked wallet of `walletId`; the ledger locks every id it is given, so it is there. */
export function lockedOf(locked: ReadonlyMap<string, LockedWallet>, walletId: string): LockedWallet {
  const wallet = locked.get(walletId);
  if (!wallet) throw new Error(`Wallet ${walletId} was not locked`);
  return wallet;
}
