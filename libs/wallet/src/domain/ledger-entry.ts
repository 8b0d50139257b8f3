import { Money } from './money';

export type EntryType = 'DEPOSIT' | 'WITHDRAWAL' | 'TRANSFER_OUT' | 'TRANSFER_IN';

/** One line of the append-only ledger: `amount` is positive, `type` gives the direction. */
export interface LedgerEntry {
  readonly id: string;
  readonly walletId: string;
  readonly type: EntryType;
  readonly amount: number;
  readonly balanceAfter: number;
  readonly transferId: string | null;
  readonly actorId: string;
  readonly createdAt: Date;
}

const CREDITS: readonly EntryType[] = ['DEPOSIT', 'TRANSFER_IN'];

export function isCredit(type: EntryType): boolean {
  return CREDITS.includes(type);
}

/** The balance after moving `amount` in the direction of `type`; InsufficientFundsError below zero. */
export function balanceAfter(balance: Money, type: EntryType, amount: Money): Money {
  return isCredit(type) ? balance.plus(amount) : balance.minus(amount);
}
