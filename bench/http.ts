/**
 * `npm run bench:http`: requests/s and p50/p99 latency of /health, GET /api/users/me and
 * GET /api/channels in one run, each also as a ratio of /health (the cost of auth and the store).
 * Without --url it builds the server and starts it on the embedded default (SQLite) in a temp
 * data dir, with the per-user REST limit raised so the limiter runs on every request but never
 * answers 429. Writes the figures as JSON under bench/results/.
 *
 *   npm run bench:http -- [--url http://host:3000] [--duration 10] [--connections 50]
 *                         [--warmup 2] [--channels 5] [--no-build] [--label name]
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { prepareBenchUser } from './support/bench-user';
import { formatTable, RouteFigures } from './support/report';
import { buildServer, RunningServer, startEmbeddedServer } from './support/server-process';

/** High enough that one user's 50 connections never meet it, so the route is measured, limiter included. */
const UNTRIPPED_REST_LIMIT = { RATE_LIMIT_REST_PER_SECOND: '1000000', RATE_LIMIT_REST_BURST: '1000000' };

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    channels: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
  },
});

async function main(): Promise<void> {
  const duration = Number(options.duration);
  const connections = Number(options.connections);
  const warmup = Number(options.warmup);
  let server: RunningServer | undefined;
  if (!options.url) {
    if (!options['no-build']) buildServer();
    server = await startEmbeddedServer(UNTRIPPED_REST_LIMIT);
  }
  const url = options.url ?? (server as RunningServer).url;
  try {
    const user = await prepareBenchUser(url, Number(options.channels));
    const auth = { authorization: `Bearer ${user.token}` };
    const routes: { route: string; path: string; headers: Record<string, string> }[] = [
      { route: 'GET /health', path: '/health', headers: {} },
      { route: 'GET /api/users/me', path: '/api/users/me', headers: auth },
      { route: 'GET /api/channels', path: '/api/channels', headers: auth },
    ];
    const measured: Omit<RouteFigures, 'ratioToHealth'>[] = [];
    for (const { route, path, headers } of routes) {
      if (warmup > 0) await autocannon({ url: `${url}${path}`, connections, duration: warmup, headers });
      const result = await autocannon({ url: `${url}${path}`, connections, duration, headers });
      measured.push({
        route,
        requestsPerSecond: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    }
    const health = measured[0].requestsPerSecond;
    const rows = measured.map((row) => ({ ...row, ratioToHealth: row.requestsPerSecond / health }));
    process.stdout.write(`\n${formatTable(rows)}\n`);
    const file = saveResults(rows, { url: options.url ?? 'embedded (SQLite, temp data dir)', duration, connections, warmup });
    process.stdout.write(`\nsaved ${file}\n`);
  } finally {
    await server?.stop();
  }
}

function saveResults(rows: readonly RouteFigures[], run: object): string {
  const folder = join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `http-${stamp}${options.label ? `-${options.label}` : ''}.json`);
  const context = {
    commit: gitCommit(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadAverageAtEnd: loadavg(),
    note: 'the load generator runs on the same machine as the server',
  };
  writeFileSync(file, `${JSON.stringify({ ...context, run, routes: rows }, null, 2)}\n`);
  return file;
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
