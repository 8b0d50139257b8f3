import { InsufficientFundsError, InvalidAmountError } from './wallet.errors';

/** The largest amount one deposit, withdrawal or transfer may move (DESIGN §5 Validation). */
export const MAX_AMOUNT = 1_000_000_000_000;

/**
 * A whole number of won that is never negative and stays a safe JS integer, so sums are exact.
 * Balances are Money; an amount to move is Money from 1 to MAX_AMOUNT (`Money.amount`).
 */
export class Money {
  private constructor(readonly won: number) {}

  static readonly ZERO = new Money(0);

  /** A balance: any safe non-negative integer. */
  static of(won: number): Money {
    if (!Number.isSafeInteger(won) || won < 0) throw new InvalidAmountError(`Not a balance: ${won}`);
    return new Money(won);
  }

  /** An amount to move: an integer from 1 to MAX_AMOUNT. */
  static amount(won: number): Money {
    if (!Number.isSafeInteger(won) || won < 1 || won > MAX_AMOUNT) {
      throw new InvalidAmountError(`amount must be an integer from 1 to ${MAX_AMOUNT}`);
    }
    return new Money(won);
  }

  plus(other: Money): Money {
    return Money.of(this.won + other.won);
  }

  /** Throws InsufficientFundsError rather than go below zero. */
  minus(other: Money): Money {
    if (other.won > this.won) throw new InsufficientFundsError();
    return new Money(this.won - other.won);
  }
}
