/** What MongoDB (and FerretDB) answer for a write that breaks a unique index. */
const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  code?: number;
  index?: number;
}

function writeErrorsOf(error: unknown): WriteErrorLike[] {
  const errors = (error as { writeErrors?: WriteErrorLike | WriteErrorLike[] } | null)?.writeErrors;
  return errors === undefined ? [] : Array.isArray(errors) ? errors : [errors];
}

/** True when every failure of the write was a duplicate key (a lost race, not a broken server). */
export function isDuplicateKeyError(error: unknown): boolean {
  const writeErrors = writeErrorsOf(error);
  if (writeErrors.length > 0) return writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
  return (error as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/**
 * How many documents of an ordered insertMany went in before it failed: the index of its first
 * write error. Undefined when the error does not say (a lost connection: any prefix may be in).
 */
export function insertedBeforeFailure(error: unknown): number | undefined {
  const indexes = writeErrorsOf(error).flatMap((writeError) => (typeof writeError.index === 'number' ? [writeError.index] : []));
  return indexes.length > 0 ? Math.min(...indexes) : undefined;
}
