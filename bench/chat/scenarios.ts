import { groupLayout, Layout } from './population';
import { PhaseResult, Session } from './session';
import type { BenchSettings } from './settings';

/** Time for the server to put freshly connected sockets in their rooms before anyone sends. */
const SETTLE_MS = 1_000;

export interface ScenarioOutcome {
  readonly phases: PhaseResult[];
  readonly notes: Record<string, unknown>;
}

export interface ScenarioPlan {
  readonly layout: Layout;
  run(session: Session): Promise<ScenarioOutcome>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (from: number, count: number) => Array.from({ length: count }, (_, n) => from + n);

/** The layout and the phases of a scenario. */
export function planScenario(settings: BenchSettings): ScenarioPlan {
  switch (settings.scenario) {
    case 'spike':
      return spike(settings);
    case 'reconnect':
      return reconnect(settings);
    case 'ceiling':
      return ceiling(settings);
    default:
      return steadyRate(settings);
  }
}

function groups(settings: BenchSettings): Layout {
  return { users: settings.users, channels: groupLayout(settings.users, settings.channels, settings.members) };
}

/** Everyone's socket, spread over --connect-over seconds (default: 1 s per 2,000 users). */
async function connectEveryone(session: Session, layout: Layout, settings: BenchSettings) {
  const connect = await session.connect(range(0, layout.users), (settings.connectOver || Math.ceil(layout.users / 2000)) * 1000);
  await sleep(SETTLE_MS);
  return connect;
}

/** steady and fanout: everyone online, sends at the rate for the duration. */
function steadyRate(settings: BenchSettings): ScenarioPlan {
  const layout = groups(settings);
  return {
    layout,
    run: async (session) => {
      const connect = await connectEveryone(session, layout, settings);
      const phase = await session.openLoop(settings.scenario, settings.rate, settings.duration * 1000, settings.ramp * 1000);
      return { phases: [{ ...phase, connect }], notes: {} };
    },
  };
}

/** A third into the run, `drop` clients (one member of each channel first) close at once, come back after `down` s and read the gap with afterSeq. */
function reconnect(settings: BenchSettings): ScenarioPlan {
  const layout = groups(settings);
  const dropped = [...new Set(layout.channels.map((members) => members[members.length - 1]))].slice(0, settings.drop);
  return {
    layout,
    run: async (session) => {
      const connect = await connectEveryone(session, layout, settings);
      const phase = await session.openLoop('reconnect', settings.rate, settings.duration * 1000, settings.ramp * 1000, async () => {
        await sleep((settings.duration * 1000) / 3);
        const closed = (await session.drop(dropped)).reduce((sum, n) => sum + n, 0);
        await sleep(settings.down * 1000);
        const started = Date.now();
        const restored = await session.restore();
        return {
          dropped: closed,
          reconnected: restored.reduce((sum, result) => sum + result.reconnected, 0),
          reconnectFailed: restored.reduce((sum, result) => sum + result.failed, 0),
          reconnectAndRecoverMs: Date.now() - started,
        };
      });
      return { phases: [{ ...phase, connect }], notes: phase.notes ?? {} };
    },
  };
}

/** Raises the rate step by step until p99 delivery passes the limit or anything is lost or refused. */
function ceiling(settings: BenchSettings): ScenarioPlan {
  const layout = groups(settings);
  return {
    layout,
    run: async (session) => {
      const connect = await connectEveryone(session, layout, settings);
      const phases: PhaseResult[] = [];
      let highestHeld: number | undefined;
      let stoppedBy = `the last step (${settings.steps})`;
      for (let step = 0; step < settings.steps; step += 1) {
        const rate = Math.round(settings.rate * settings.growth ** step);
        const phase = await session.openLoop(`${rate}/s`, rate, settings.duration * 1000, settings.ramp * 1000);
        phases.push(step === 0 ? { ...phase, connect } : phase);
        const failure = ceilingFailure(phase, rate, settings);
        if (failure) {
          stoppedBy = `${rate}/s: ${failure}`;
          break;
        }
        highestHeld = rate;
      }
      return { phases, notes: { highestHeldRate: highestHeld ?? 0, stoppedBy } };
    },
  };
}

function ceilingFailure(phase: PhaseResult, rate: number, settings: BenchSettings): string | undefined {
  const rejected = Object.values(phase.counts.rejected).reduce((sum, n) => sum + n, 0);
  if (phase.delivery.p99Ms > settings.p99Limit) return `p99 delivery ${phase.delivery.p99Ms} ms > ${settings.p99Limit} ms`;
  if (phase.undelivered > 0) return `${phase.undelivered} deliveries missing`;
  if (phase.counts.duplicated + phase.counts.outOfOrder > 0) return 'duplicated or out-of-order deliveries';
  if (rejected > 0) return `${rejected} sends refused (${JSON.stringify(phase.counts.rejected)})`;
  if (phase.ackedPerSecond < rate * 0.95) return `only ${phase.ackedPerSecond.toFixed(0)} acks/s`;
  return undefined;
}

/** The seed's tiers: each tier's users join within 1 s, then each sends its messages as fast as acks come back; then they leave. */
function spike(settings: BenchSettings): ScenarioPlan {
  const channels: number[][] = [];
  const tierUsers: number[][] = [];
  let first = 0;
  for (const size of settings.tiers) {
    tierUsers.push(range(first, size));
    channels.push(...groupLayout(size, Math.ceil(size / settings.members), settings.members, first));
    first += size;
  }
  const layout: Layout = { users: first, channels };
  return {
    layout,
    run: async (session) => {
      const phases: PhaseResult[] = [];
      for (const users of tierUsers) {
        const connect = await session.connect(users, (settings.connectOver || 1) * 1000);
        await sleep(SETTLE_MS / 2);
        phases.push(await session.closedLoop(`${users.length} users`, users, settings.messagesPerUser, connect));
        await session.disconnect(users);
      }
      return { phases, notes: {} };
    },
  };
}

