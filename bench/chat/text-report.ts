import { formatColumns } from '../support/report';
import type { GoalCheck } from './goals';
import type { TargetRun } from './run-target';

const ms = (value: number) => value.toFixed(1);

/** One line per phase and target: rates, counts and latencies. */
export function phaseTable(runs: readonly TargetRun[]): string {
  const header = ['target / phase', 'sent/s', 'acked/s', 'deliv/s', 'rejected', 'undeliv', 'dup', 'ooo', 'ack p50', 'ack p95', 'ack p99', 'ack max', 'del p50', 'del p95', 'del p99', 'del max', 'gen CPU', 'srv CPU'];
  const lines = runs.flatMap((run) =>
    run.phases.map((phase) => [
      `${run.target} ${phase.name}`,
      phase.sentPerSecond.toFixed(0),
      phase.ackedPerSecond.toFixed(0),
      phase.deliveredPerSecond.toFixed(0),
      String(Object.values(phase.counts.rejected).reduce((sum, n) => sum + n, 0)),
      String(phase.undelivered),
      String(phase.counts.duplicated),
      String(phase.counts.outOfOrder),
      ms(phase.ack.p50Ms),
      ms(phase.ack.p95Ms),
      ms(phase.ack.p99Ms),
      ms(phase.ack.maxMs),
      ms(phase.delivery.p50Ms),
      ms(phase.delivery.p95Ms),
      ms(phase.delivery.p99Ms),
      ms(phase.delivery.maxMs),
      `${phase.generatorCpuPercent}%${phase.workerCpuPercent.length > 0 ? ` (${phase.workerCpuPercent.map(Math.round).join('/')})` : ''}`,
      phase.serverCpuPercent === undefined ? '?' : `${phase.serverCpuPercent}%`,
    ]),
  );
  return `${formatColumns(header, lines)}\n(latencies in ms; CPU in % of one core, gen CPU = the generator process (each worker thread); undeliv = expected live deliveries missing after the drain)`;
}

/** Phases that connected their clients themselves (spike tiers): how long joining took. */
function connectLines(run: TargetRun): string[] {
  return run.phases.flatMap((phase) => {
    const connect = phase.connect;
    if (!connect) return [];
    const failed = Object.entries(connect.failed).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none';
    return [`  ${phase.name}: ${connect.connected} of ${connect.clients} sockets connected in ${(connect.wallMs / 1000).toFixed(1)} s (handshake p99 ${ms(connect.latency.p99Ms)} ms, max ${ms(connect.latency.maxMs)} ms), failed: ${failed}`];
  });
}

export function totalsLines(run: TargetRun): string {
  const t = run.totals;
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([key, n]) => `${key} ${n}`).join(', ') || 'none';
  const rejected = list(t.rejected);
  const stored = t.stored === undefined ? 'not checked (no history API)' : `${t.stored} (stored but not acked ${t.storedNotAcked}, acked but not stored ${t.ackedNotStored}, duplicates ${t.storedDuplicates})`;
  return [
    `${run.target}: sent ${t.sent}, acked ${t.acked}, rejected: ${rejected}${t.resent > 0 ? `; ${t.resent} sent again after a reconnect (same clientMsgId)` : ''}`,
    `  stored (history API): ${stored}`,
    `  deliveries: ${t.seenDeliveries} of ${t.expectedDeliveries} expected (live + recovered ${t.recovered}); lost ${t.lost}, duplicated ${t.duplicated}, out of order ${t.outOfOrder}`,
    ...(Object.keys(run.notes).length > 0 ? [`  ${JSON.stringify(run.notes)}`] : []),
    ...connectLines(run),
    `  sockets closed by the server or the network: ${list(t.disconnects)}`,
  ].join('\n');
}

export function goalLines(goals: readonly GoalCheck[]): string {
  return goals.map((goal) => `  [${goal.met ? 'met' : 'NOT met'}] ${goal.goal}: ${goal.measured}`).join('\n');
}
