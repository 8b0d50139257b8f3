/** Amounts are whole won from 1 to 10^12 (DESIGN.md §5); the form refuses anything else before sending. */
export const MAX_AMOUNT = 1_000_000_000_000;

export type AmountCheck = { ok: true; value: number } | { ok: false; error: string };

export function checkAmount(text: string): AmountCheck {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: false, error: 'Enter an amount in won' };
  if (/^\d+[.]\d*$/.test(trimmed)) return { ok: false, error: 'Amount must be whole won: no decimals' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'Amount must be a whole number of won' };
  const value = Number(trimmed);
  if (value < 1) return { ok: false, error: 'Amount must be at least 1 won' };
  if (value > MAX_AMOUNT) return { ok: false, error: 'Amount must be at most 1,000,000,000,000 won' };
  return { ok: true, value };
}

const won = new Intl.NumberFormat('en-US');

export function formatWon(amount: number): string {
  return `₩${won.format(amount)}`;
}
