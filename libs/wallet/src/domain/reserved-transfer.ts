export type RepeatRule = 'NONE' | 'DAILY' | 'MONTHLY';
export type ReservedStatus = 'SCHEDULED' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
/** Why a run moved no money. */
export type RunFailure = 'INSUFFICIENT_FUNDS' | 'WALLET_NOT_FOUND' | 'NOT_ALLOWED';

/** A transfer booked for later; DAILY and MONTHLY ones stay SCHEDULED with their next executeAt. */
export interface ReservedTransfer {
  readonly id: string;
  readonly bookedById: string;
  readonly fromWalletId: string;
  readonly toWalletId: string;
  readonly amount: number;
  readonly repeat: RepeatRule;
  /** The day of the month it was booked for (UTC); a MONTHLY one returns to it after shorter months. */
  readonly anchorDay: number;
  readonly executeAt: Date;
  readonly status: ReservedStatus;
  readonly failureReason: RunFailure | null;
  readonly lastRunAt: Date | null;
  readonly lastResult: 'SUCCEEDED' | RunFailure | null;
  readonly createdAt: Date;
}

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The same time of day on the anchor day `months` months after `from`, or that month's last day. */
function monthsLater(from: Date, months: number, anchorDay: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const day = Math.min(anchorDay, daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
}

/**
 * The next due time of a repeating transfer after the run due at `dueAt`: one day or one month on,
 * even when that is past too. Each due time runs exactly once, so the runs missed while no node was
 * up follow one by one (each its own transfer, oldest first), not skipped.
 */
export function nextDueTime(reserved: Pick<ReservedTransfer, 'repeat' | 'anchorDay'>, dueAt: Date): Date | undefined {
  if (reserved.repeat === 'NONE') return undefined;
  return reserved.repeat === 'DAILY' ? new Date(dueAt.getTime() + DAY_MS) : monthsLater(dueAt, 1, reserved.anchorDay);
}

/** The row after one run at `now` of the time due at its executeAt. */
export function afterRun(reserved: ReservedTransfer, now: Date, failure: RunFailure | undefined): ReservedTransfer {
  const next = nextDueTime(reserved, reserved.executeAt);
  const result = failure ?? 'SUCCEEDED';
  if (!next) return { ...reserved, status: failure ? 'FAILED' : 'SUCCEEDED', failureReason: failure ?? null, lastRunAt: now, lastResult: result };
  return { ...reserved, executeAt: next, lastRunAt: now, lastResult: result };
}
