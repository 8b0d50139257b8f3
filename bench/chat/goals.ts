import type { TargetRun } from './run-target';
import type { BenchSettings } from './settings';

export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Issue 10's goal for the scenario, checked against this run (meaningful only on an uncontended machine at the full scenario). */
export function checkGoals(settings: BenchSettings, run: TargetRun, nodes: number): GoalCheck[] {
  const { totals } = run;
  const clean: GoalCheck = {
    goal: 'every client connected and stayed; 0 lost, 0 duplicated, 0 out of order, stored = acked',
    measured: `failed connects ${totals.failedConnects}, dropped by the server ${Object.values(totals.disconnects).reduce((sum, n) => sum + n, 0)}, lost ${totals.lost}, duplicated ${totals.duplicated}, out of order ${totals.outOfOrder}, stored ${totals.stored ?? 'n/a'} / acked ${totals.acked}`,
    met: totals.failedConnects === 0 && Object.keys(totals.disconnects).length === 0 && totals.lost === 0 && totals.duplicated === 0 && totals.outOfOrder === 0 && (totals.stored === undefined || (totals.stored === totals.acked && totals.storedDuplicates === 0)),
  };
  const worst = (pick: (phase: TargetRun['phases'][number]) => number) => Math.max(0, ...run.phases.map(pick));
  const p99 = worst((phase) => phase.delivery.p99Ms);
  const max = worst((phase) => phase.delivery.maxMs);
  const rejected = Object.values(totals.rejected).reduce((sum, n) => sum + n, 0);
  switch (settings.scenario) {
    case 'steady': {
      const limit = nodes > 1 ? 250 : 100;
      return [clean, { goal: `p99 send→delivery < ${limit} ms, max < 1000 ms`, measured: `p99 ${p99} ms, max ${max} ms`, met: p99 < limit && max < 1000 }];
    }
    case 'fanout':
      return [clean, { goal: 'p99 send→delivery < 500 ms', measured: `p99 ${p99} ms`, met: p99 < 500 }];
    case 'spike': {
      const maxAck = worst((phase) => phase.ack.maxMs);
      const failedConnects = run.phases.reduce((sum, phase) => sum + (phase.connect ? phase.connect.clients - phase.connect.connected : 0), 0);
      return [clean, { goal: '0 errors, max ack < 2000 ms', measured: `${rejected} refused sends, ${failedConnects} failed connects, max ack ${maxAck} ms`, met: rejected === 0 && failedConnects === 0 && maxAck < 2000 }];
    }
    case 'reconnect':
      return [{ goal: 'every missed message recovered', measured: `${totals.recovered} recovered through afterSeq, ${totals.lost} still missing, ${totals.recoveryFailures} failed recoveries`, met: totals.lost === 0 && totals.recoveryFailures === 0 }, clean];
    case 'ceiling':
      return [{ goal: `highest rate with p99 delivery < ${settings.p99Limit} ms and nothing lost`, measured: `${String(run.notes.highestHeldRate)}/s (stopped by ${String(run.notes.stoppedBy)})`, met: Number(run.notes.highestHeldRate) > 0 }];
  }
}
