import type { ValueTransformer } from 'typeorm';

/**
 * BIGINT columns hold whole won. mysql2 answers them as strings (TypeORM turns on
 * bigNumberStrings), better-sqlite3 as numbers; both become a JS number here, and a value
 * beyond the safe integers fails loudly instead of losing precision.
 */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : toSafeInteger(value)),
};

export function toSafeInteger(value: string | number | bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`BIGINT value ${String(value)} is not a safe integer`);
  return number;
}
