/**
 * Guards every adapter applies to MessageStore arguments before they reach SQL
 * (SQLite reads `LIMIT -1` as "no limit"). Callers validate user input earlier;
 * these catch programming errors.
 */
export function requirePageLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be an integer ≥ 1, got ${limit}`);
  return limit;
}

export function requireSeqCursor(seq: number): number {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`seq cursor must be an integer ≥ 0, got ${seq}`);
  return seq;
}
