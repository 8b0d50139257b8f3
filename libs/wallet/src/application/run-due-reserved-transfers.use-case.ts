import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { Money } from '../domain/money';
import { afterRun, ReservedTransfer, RunFailure } from '../domain/reserved-transfer';
import { InsufficientFundsError, WalletForbiddenError, WalletNotFoundError } from '../domain/wallet.errors';
import { DueRun, ReservedTransferStore } from './ports/reserved-transfer-store.port';
import { planTransfer } from './transfer-plan';

export interface DueRunSummary {
  /** Due when the round started. */
  readonly due: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Runs that hit a fault (rolled back, tried again next round). */
  readonly faults: number;
  /** Seconds between the due time and the run, per run. */
  readonly lagsSeconds: readonly number[];
}

/** Runs every due reserved transfer once, each as its own transfer; one failing never stops the others. */
export class RunDueReservedTransfers {
  constructor(
    private readonly reserved: ReservedTransferStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(maxRuns = 200): Promise<DueRunSummary> {
    const now = this.clock.now();
    const due = await this.reserved.countDue(now);
    const skip: string[] = [];
    const lagsSeconds: number[] = [];
    let succeeded = 0;
    let failed = 0;
    for (let run = 0; run < maxRuns && due > 0; run += 1) {
      let claimedId: string | undefined;
      try {
        const outcome = await this.reserved.runNextDue(now, skip, (claimed) => {
          claimedId = claimed.id;
          return this.dueRun(claimed, now);
        });
        if (!outcome) break;
        lagsSeconds.push((now.getTime() - outcome.before.executeAt.getTime()) / 1000);
        if (outcome.after.lastResult === 'SUCCEEDED') succeeded += 1;
        else failed += 1;
      } catch (error) {
        if (!claimedId) throw error;
        skip.push(claimedId);
      }
    }
    return { due, succeeded, failed, faults: skip.length, lagsSeconds };
  }

  private dueRun(claimed: ReservedTransfer, now: Date): DueRun {
    const spec = { actorId: claimed.bookedById, fromWalletId: claimed.fromWalletId, toWalletId: claimed.toWalletId, amount: Money.amount(claimed.amount), at: now };
    return {
      plan: planTransfer(spec, this.ids),
      failureOf: failureReasonOf,
      next: (failure) => afterRun(claimed, now, failure ?? undefined),
    };
  }
}

function failureReasonOf(error: unknown): RunFailure | undefined {
  if (error instanceof InsufficientFundsError) return 'INSUFFICIENT_FUNDS';
  if (error instanceof WalletNotFoundError) return 'WALLET_NOT_FOUND';
  if (error instanceof WalletForbiddenError) return 'NOT_ALLOWED';
  return undefined;
}
