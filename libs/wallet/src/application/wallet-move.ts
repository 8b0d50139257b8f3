import { LedgerEntry } from '../domain/ledger-entry';
import { Wallet } from '../domain/wallet';

/** What a deposit or a withdrawal answers: the wallet as it is now, and the entry written. */
export interface WalletWithMove {
  readonly wallet: Wallet;
  readonly entry: LedgerEntry;
}
