import { ReservedTransfer } from '../../domain/reserved-transfer';
import { PlanMove } from './wallet-ledger.port';

export type CancelOutcome = 'CANCELLED' | 'NOT_FOUND' | 'NOT_SCHEDULED';

/** What to do with one claimed due row: the move to try, and the row after it (given whether the move failed and why). */
export interface DueRun {
  readonly plan: PlanMove<unknown>;
  /** Maps a domain error of the move to a failure reason; undefined means a fault (the transaction rolls back). */
  failureOf(error: unknown): ReservedTransfer['failureReason'] | undefined;
  next(failure: ReservedTransfer['failureReason'] | undefined): ReservedTransfer;
}

/** Reserved transfers, and the claim of due ones so two nodes never run the same due time. */
export abstract class ReservedTransferStore {
  abstract book(reserved: ReservedTransfer): Promise<void>;
  /** The ones `userId` booked, newest first. */
  abstract listBookedBy(userId: string): Promise<ReservedTransfer[]>;
  /** Deletes every reserved transfer `userId` booked, whatever its status (a deleted account). */
  abstract deleteBookedBy(userId: string): Promise<void>;
  /** Cancels a SCHEDULED one of `userId`'s (atomically: a run that holds the row goes first). */
  abstract cancel(reservedId: string, userId: string): Promise<CancelOutcome>;
  /** How many SCHEDULED ones are due at `now` (the backlog a round starts with). */
  abstract countDue(now: Date): Promise<number>;
  /**
   * In ONE transaction: claims the oldest due SCHEDULED row no other node holds (FOR UPDATE SKIP
   * LOCKED on MySQL), runs its move with the wallets locked, and stores the row `run.next` gives.
   * The claim and the money commit together, so a crash between them runs the due time again
   * later, never twice. Resolves the row as it was claimed and after, or undefined when none is due.
   * `skip` leaves out rows this node already failed to run in this round.
   */
  abstract runNextDue(now: Date, skip: readonly string[], run: (claimed: ReservedTransfer) => DueRun): Promise<{ before: ReservedTransfer; after: ReservedTransfer } | undefined>;
}
