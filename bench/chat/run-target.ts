import { checkHistory, HistoryCheck } from './history-check';
import { Layout, Population } from './population';
import { planScenario } from './scenarios';
import { PhaseResult, Session } from './session';
import type { BenchSettings } from './settings';

/** What the run found on one target (WebChat or the bare relay). */
export interface TargetRun {
  readonly target: 'webchat' | 'relay';
  readonly description: string;
  readonly phases: PhaseResult[];
  readonly notes: Record<string, unknown>;
  readonly totals: RunTotals;
}

export interface RunTotals {
  readonly sent: number;
  readonly acked: number;
  readonly rejected: Record<string, number>;
  /** Clients whose socket never connected (their channels' deliveries to them are not expected). */
  readonly failedConnects: number;
  /** Sockets closed by the server or the network during the run, by reason. */
  readonly disconnects: Record<string, number>;
  /** From the history API (WebChat only): this run's stored messages, and how they compare with the acks. */
  readonly stored?: number;
  readonly storedNotAcked?: number;
  readonly ackedNotStored?: number;
  readonly storedDuplicates?: number;
  /** Every socket of a channel should see every stored (relay: acked) message of it, live or recovered. */
  readonly expectedDeliveries: number;
  readonly seenDeliveries: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
  readonly recovered: number;
  readonly recoveryFailures: number;
  /** Sends that lost their ack with a dropped socket, sent again with the same clientMsgId. */
  readonly resent: number;
}

export interface Target {
  readonly kind: 'webchat' | 'relay';
  readonly description: string;
  readonly urls: readonly string[];
  populate(layout: Layout): Promise<Population>;
}

export async function runOnTarget(target: Target, settings: BenchSettings, workers: number, runId: string, log: (line: string) => void): Promise<TargetRun> {
  const plan = planScenario(settings);
  log(`${target.kind}: ${target.description}; preparing ${plan.layout.users} users in ${plan.layout.channels.length} channels`);
  const population = await target.populate(plan.layout);
  const session = new Session(target.kind, population, target.urls, workers, runId, log);
  try {
    const outcome = await plan.run(session);
    const end = await session.endCheck();
    const history = population.readers ? await checkHistory(target.urls[0], population.readers, runId) : undefined;
    return { target: target.kind, description: target.description, phases: outcome.phases, notes: outcome.notes, totals: totals(outcome.phases, end, history) };
  } finally {
    await session.close();
  }
}

function totals(phases: PhaseResult[], end: Awaited<ReturnType<Session['endCheck']>>, history: HistoryCheck | undefined): RunTotals {
  const sum = (pick: (phase: PhaseResult) => number) => phases.reduce((total, phase) => total + pick(phase), 0);
  const rejected = merged(phases.map((phase) => phase.counts.rejected));
  const reference = history?.storedPerChannel ?? end.acked;
  let expectedDeliveries = 0;
  let seenDeliveries = 0;
  let lost = 0;
  for (const [channel, { sockets, seen }] of Object.entries(end.seen)) {
    const expected = (reference[channel] ?? 0) * sockets;
    expectedDeliveries += expected;
    seenDeliveries += seen;
    lost += Math.max(0, expected - seen);
  }
  let storedNotAcked = 0;
  let ackedNotStored = 0;
  if (history) {
    for (const channel of new Set([...Object.keys(history.storedPerChannel), ...Object.keys(end.acked)])) {
      const difference = (history.storedPerChannel[channel] ?? 0) - (end.acked[channel] ?? 0);
      if (difference > 0) storedNotAcked += difference;
      else ackedNotStored -= difference;
    }
  }
  return {
    sent: sum((phase) => phase.counts.sent),
    acked: sum((phase) => phase.counts.acked),
    rejected,
    disconnects: merged(phases.map((phase) => phase.counts.disconnects)),
    failedConnects: sum((phase) => (phase.connect ? phase.connect.clients - phase.connect.connected : 0)),
    stored: history?.stored,
    storedNotAcked: history ? storedNotAcked : undefined,
    ackedNotStored: history ? ackedNotStored : undefined,
    storedDuplicates: history?.duplicates,
    expectedDeliveries,
    seenDeliveries,
    lost,
    duplicated: sum((phase) => phase.counts.duplicated),
    outOfOrder: sum((phase) => phase.counts.outOfOrder),
    recovered: end.recovered,
    recoveryFailures: end.recoveryFailures,
    resent: end.resent,
  };
}

function merged(counts: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const entry of counts) for (const [key, n] of Object.entries(entry)) total[key] = (total[key] ?? 0) + n;
  return total;
}
