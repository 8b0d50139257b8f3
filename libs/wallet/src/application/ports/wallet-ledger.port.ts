import { LedgerEntry } from '../../domain/ledger-entry';
import { Transfer } from '../../domain/transfer';
import { Wallet, WalletRole } from '../../domain/wallet';
import { MoveReceipt } from './idempotency-store.port';

/** A wallet as read under its row lock, with the acting user's role in it. */
export interface LockedWallet {
  readonly wallet: Wallet;
  readonly actorRole: WalletRole | undefined;
}

/** What a money move writes: its entries (each wallet's last one gives its new balance) and its transfer. */
export interface MoneyMovePlan<T> {
  readonly entries: readonly LedgerEntry[];
  readonly transfer?: Transfer;
  readonly result: T;
}

export type PlanMove<T> = (locked: ReadonlyMap<string, LockedWallet>) => MoneyMovePlan<T>;

/**
 * The append-only ledger and the balances it keeps. Every money move is one database
 * transaction that locks the rows of the wallets it touches (ascending id), hands them to
 * `plan`, then writes the entries, the new balances, the transfer and the receipt's answer.
 */
export abstract class WalletLedger {
  /**
   * Throws WalletNotFoundError if a wallet is gone, whatever `plan` throws (nothing is written
   * then), WalletBusyError after a bounded number of deadlocks or lock timeouts, and
   * IdempotencyClaimLostError if the receipt's claim was taken over meanwhile (rolled back).
   */
  abstract move<T>(walletIds: readonly string[], actorId: string, plan: PlanMove<T>, receipt?: MoveReceipt<T>): Promise<T>;
}
