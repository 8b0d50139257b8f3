import { MAX_AMOUNT, Money } from './money';
import { InsufficientFundsError, InvalidAmountError } from './wallet.errors';

describe('Money', () => {
  it.each([0, -1, 1.5, MAX_AMOUNT + 1, Number.NaN, 2 ** 53 + 1])('refuses %p as an amount', (won) => {
    expect(() => Money.amount(won)).toThrow(InvalidAmountError);
  });

  it.each([1, 999, MAX_AMOUNT])('takes %p as an amount', (won) => {
    expect(Money.amount(won).won).toBe(won);
  });

  it('never goes below zero', () => {
    expect(Money.of(5).minus(Money.amount(5)).won).toBe(0);
    expect(() => Money.of(5).minus(Money.amount(6))).toThrow(InsufficientFundsError);
  });

  it('refuses a balance beyond the safe integers', () => {
    expect(() => Money.of(Number.MAX_SAFE_INTEGER).plus(Money.amount(1))).toThrow(InvalidAmountError);
    expect(() => Money.of(-1)).toThrow(InvalidAmountError);
  });
});
