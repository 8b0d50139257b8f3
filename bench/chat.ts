/**
 * `npm run bench:chat`: drives WebChat with socket.io clients spread over worker threads and
 * reports sends, acks, refusals by code, deliveries at every online member (lost, duplicated,
 * out of order), stored = acked through the history API, and send→ack / send→delivery latency
 * (HDR histograms). Without --url it builds the server and starts it itself. Writes a JSON and a
 * self-contained HTML report under bench/results/ (or --out). See README "Load test".
 *
 *   npm run bench:chat -- --scenario steady|fanout|spike|reconnect|ceiling
 *     [--url http://a:3000[,http://b:3000]] [--nodes 2 --bus kafka --store mysql]
 *     [--users N] [--channels N] [--members N] [--rate N] [--duration s] [--ramp s]
 *     [--tiers 100,500] [--messages N] [--drop N] [--down s] [--growth x] [--steps N] [--p99-limit ms]
 *     [--connect-over s] [--workers N] [--baseline] [--no-build] [--label name] [--out dir] [--server-env KEY=value …]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startBenchServers } from './support/bench-servers';
import { benchContext, writeResultFile } from './support/results-file';
import { buildServer, startRelay } from './support/server-process';
import { checkGoals } from './chat/goals';
import { htmlReport } from './chat/html-report';
import { parseCli } from './chat/options';
import { Layout, relayPopulation } from './chat/population';
import { runOnTarget, TargetRun } from './chat/run-target';
import { goalLines, phaseTable, totalsLines } from './chat/text-report';
import { waitUntilChatReady } from './chat/readiness';
import { populateWebChat } from './chat/webchat-population';

/**
 * The server this bench starts: cheap password hashing so thousands of sign-ups take seconds (it
 * is not on the chat path), the REST limit out of the way of the set-up and the history check.
 * The message send limit stays at its default: refusals are counted and reported by code.
 */
const BENCH_SERVER_ENV = { LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', RATE_LIMIT_REST_PER_SECOND: '100000', RATE_LIMIT_REST_BURST: '1000000' };

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const { settings } = options;
  const runId = randomBytes(4).toString('hex');
  const loadAtStart = loadavg();
  const runs: TargetRun[] = [];

  const servers = options.url
    ? undefined
    : await (async () => {
        if (options.build) buildServer();
        return startBenchServers({ nodes: options.nodes, store: options.store, bus: options.bus, env: { ...BENCH_SERVER_ENV, ...options.serverEnv } });
      })();
  const urls = options.url ?? (servers?.urls as string[]);
  try {
    const description = servers ? `started here: ${servers.description}` : `given: ${urls.join(', ')}`;
    const populate = async (layout: Layout) => {
      await waitUntilChatReady(urls, log);
      return populateWebChat(urls, layout, log);
    };
    runs.push(await runOnTarget({ kind: 'webchat', description, urls, populate }, settings, options.workers, runId, log));
  } finally {
    await servers?.stop();
  }
  const baselineNote = options.baseline && settings.scenario === 'reconnect' ? 'no baseline for reconnect: the bare relay keeps no history to recover from' : undefined;
  if (options.baseline && !baselineNote) {
    const relay = await startRelay();
    try {
      runs.push(await runOnTarget({ kind: 'relay', description: 'bare socket.io relay (bench/relay)', urls: [relay.url], populate: async (layout) => relayPopulation(relay.url, layout) }, settings, options.workers, runId, log));
    } finally {
      await relay.stop();
    }
  }

  const nodes = options.url ? options.url.length : options.nodes;
  const goals = checkGoals(settings, runs[0], nodes);
  const summary = [
    `scenario ${settings.scenario}: ${JSON.stringify(settings)}`,
    `generator: ${options.workers} worker thread(s) on this machine; load average ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadavg())} at end`,
    '',
    phaseTable(runs),
    '',
    ...runs.map(totalsLines),
    '',
    `goal (issue 10; holds only for the full scenario on an otherwise idle machine):`,
    goalLines(goals),
    ...(runs.length > 1 ? ['', ratioLines(runs[0], runs[1], settings.scenario)] : []),
    ...(baselineNote ? ['', baselineNote] : []),
  ].join('\n');
  log(`\n${summary}\n`);

  const folder = options.out ?? join(__dirname, 'results');
  const label = [settings.scenario, options.label].filter(Boolean).join('-');
  const context = { ...benchContext(), loadAverageAtStart: loadAtStart, generatorWorkers: options.workers };
  const json = writeResultFile(folder, 'chat', label, 'json', `${JSON.stringify({ ...context, settings, nodes, runId, goals, runs }, null, 2)}\n`);
  const html = writeResultFile(folder, 'chat', label, 'html', htmlReport(`bench:chat ${settings.scenario}`, summary, runs));
  log(`saved ${json}\nsaved ${html}`);
}

/** Our figures as a share of the bare relay's, phase by phase (ceiling: the highest rate that held). */
function ratioLines(ours: TargetRun, relay: TargetRun, scenario: string): string {
  const lines = ['WebChat ÷ bare relay (same scenario, same run):'];
  if (scenario === 'ceiling') {
    const a = Number(ours.notes.highestHeldRate);
    const b = Number(relay.notes.highestHeldRate);
    lines.push(`  highest rate that held: ${a}/s ÷ ${b}/s = ${b > 0 ? (a / b).toFixed(2) : 'n/a'}`);
  }
  ours.phases.forEach((phase, n) => {
    const other = relay.phases[n];
    if (!other) return;
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
    lines.push(
      `  ${phase.name}: acked/s ${phase.ackedPerSecond.toFixed(0)} ÷ ${other.ackedPerSecond.toFixed(0)} = ${ratio(phase.ackedPerSecond, other.ackedPerSecond)}; ` +
        `p99 delivery ${phase.delivery.p99Ms} ÷ ${other.delivery.p99Ms} ms = ${ratio(phase.delivery.p99Ms, other.delivery.p99Ms)}; ` +
        `p99 ack ${phase.ack.p99Ms} ÷ ${other.ack.p99Ms} ms = ${ratio(phase.ack.p99Ms, other.ack.p99Ms)}`,
    );
  });
  return lines.join('\n');
}

function fmtLoad(load: number[]): string {
  return load.map((value) => value.toFixed(2)).join(' / ');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
