import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { DueRunSummary } from '../../../application/run-due-reserved-transfers.use-case';
import { LedgerObserver, MoveOutcome } from '../typeorm/ledger-observer';

const ANSWERS = 'wallet_requests_total';
const MOVES = 'wallet_money_moves_total';
const LOCK_WAIT = 'wallet_lock_wait_seconds';
const TRANSACTION = 'wallet_transaction_duration_seconds';
const RETRIES = 'wallet_lock_retries_total';
const RESERVED_RUNS = 'wallet_reserved_transfer_runs_total';
const SCHEDULER_LAG = 'wallet_reserved_transfer_lag_seconds';
const RESERVED_DUE = 'wallet_reserved_transfers_due';

/** What a deposit, withdrawal or transfer request came to; a bounded set. */
export type RequestOutcome =
  | 'succeeded'
  | 'replayed'
  | 'insufficient_funds'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'in_progress'
  | 'key_reused'
  | 'busy'
  | 'error';
export type MoneyRequestKind = 'deposit' | 'withdrawal' | 'transfer';

const SHORT = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The wallet's Prometheus metrics; every label has a small fixed set of values. */
export const WALLET_METRIC_PROVIDERS = [
  makeCounterProvider({ name: ANSWERS, help: 'Deposit, withdrawal and transfer requests by kind and outcome', labelNames: ['kind', 'outcome'] }),
  makeCounterProvider({ name: MOVES, help: 'Money moves (deposits, withdrawals, transfers) by outcome', labelNames: ['outcome'] }),
  makeHistogramProvider({ name: LOCK_WAIT, help: 'Time to lock the wallet rows of a money move', buckets: SHORT }),
  makeHistogramProvider({ name: TRANSACTION, help: 'Duration of a money move transaction, by outcome', labelNames: ['outcome'], buckets: SHORT }),
  makeCounterProvider({ name: RETRIES, help: 'Money moves run again after a deadlock or lock timeout' }),
  makeCounterProvider({ name: RESERVED_RUNS, help: 'Runs of due reserved transfers, by result', labelNames: ['result'] }),
  makeGaugeProvider({ name: RESERVED_DUE, help: 'Reserved transfers due when the last round on this node started' }),
  makeHistogramProvider({ name: SCHEDULER_LAG, help: 'Delay between a reserved transfer falling due and its run', buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900] }),
];

@Injectable()
export class WalletMetrics implements LedgerObserver {
  constructor(
    @InjectMetric(ANSWERS) private readonly answers: Counter<string>,
    @InjectMetric(MOVES) private readonly moves: Counter<string>,
    @InjectMetric(LOCK_WAIT) private readonly lockWait: Histogram<string>,
    @InjectMetric(TRANSACTION) private readonly transaction: Histogram<string>,
    @InjectMetric(RETRIES) private readonly retries: Counter<string>,
    @InjectMetric(RESERVED_RUNS) private readonly reservedRuns: Counter<string>,
    @InjectMetric(SCHEDULER_LAG) private readonly lag: Histogram<string>,
    @InjectMetric(RESERVED_DUE) private readonly due: Gauge<string>,
  ) {}

  answered(kind: MoneyRequestKind, outcome: RequestOutcome): void {
    this.answers.inc({ kind, outcome });
  }

  lockWaited(seconds: number): void {
    this.lockWait.observe(seconds);
  }

  transactionTook(seconds: number, outcome: MoveOutcome): void {
    this.transaction.observe({ outcome }, seconds);
    this.moves.inc({ outcome });
  }

  retried(): void {
    this.retries.inc();
  }

  reservedRound(summary: DueRunSummary): void {
    this.due.set(summary.due);
    if (summary.succeeded > 0) this.reservedRuns.inc({ result: 'succeeded' }, summary.succeeded);
    if (summary.failed > 0) this.reservedRuns.inc({ result: 'failed' }, summary.failed);
    if (summary.faults > 0) this.reservedRuns.inc({ result: 'fault' }, summary.faults);
    for (const seconds of summary.lagsSeconds) this.lag.observe(seconds);
  }
}
