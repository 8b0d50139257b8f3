/** How a money move went, for metrics; a bounded set. */
export type MoveOutcome = 'committed' | 'rejected' | 'busy' | 'error';

/** What the ledger reports about its transactions (Prometheus in the app, nothing in contract tests). */
export interface LedgerObserver {
  lockWaited(seconds: number): void;
  transactionTook(seconds: number, outcome: MoveOutcome): void;
  retried(): void;
}

export const SILENT_LEDGER_OBSERVER: LedgerObserver = {
  lockWaited: () => undefined,
  transactionTook: () => undefined,
  retried: () => undefined,
};
