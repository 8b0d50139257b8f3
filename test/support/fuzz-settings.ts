import { createHash } from 'node:crypto';

/**
 * The settings of a fuzz run, from the environment: FUZZ_SEED (deterministic by default, any
 * other integer explores elsewhere and replays a failure) and FUZZ_RUNS (cases per route or
 * per socket event; the default keeps `npm test` short).
 */
export const FUZZ_SEED = integerFromEnv('FUZZ_SEED', 7_2026);
export const FUZZ_RUNS = integerFromEnv('FUZZ_RUNS', 30);

function integerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got '${text}'`);
  return value;
}

/** The seed of one route or event: stable under FUZZ_SEED whatever else is added to the tables. */
export function seedOf(name: string): number {
  return (FUZZ_SEED + createHash('sha256').update(name).digest().readUInt32BE(0)) % 2 ** 31;
}

/** How to replay a failed case, prefixed to its message. */
export function replayHint(name: string): string {
  return `${name} failed (replay with FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}; its seed ${seedOf(name)})`;
}

/** Prints what a fuzz run did, so a run can be told apart and replayed. */
export function reportFuzzRun(what: string, cases: number): void {
  // eslint-disable-next-line no-console
  console.log(`${what}: ${cases} cases, FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_RUNS}`);
}

/** Runs a fast-check assertion and rethrows its failure with the replay hint and the cause. */
export async function assertReplayable(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const { message, cause } = error as Error;
    const reason = cause instanceof Error ? `\nCause: ${cause.message}` : '';
    throw new Error(`${replayHint(name)}:\n${message}${reason}`);
  }
}
