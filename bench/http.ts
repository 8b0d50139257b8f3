/**
 * `npm run bench:http`: requests/s and p50/p99 latency of /health, GET /api/users/me and
 * GET /api/channels in one run, each also as a ratio of /health (the cost of auth and the store).
 * Without --url it builds the server and starts it on the embedded default (SQLite) in a temp
 * data dir, with the per-user REST limit raised so the limiter runs on every request but never
 * answers 429. Writes the figures as JSON under bench/results/.
 *
 *   npm run bench:http -- [--url http://host:3000] [--duration 10] [--connections 50]
 *                         [--warmup 2] [--channels 5] [--users 1] [--no-build] [--label name]
 *
 * --users N spreads the authenticated requests over N signed-up users (round robin), so
 * per-user work (the REST limit's counter) is not all on one key.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BenchUser, prepareBenchUser } from './support/bench-user';
import { benchContext, formatTable, RouteFigures, writeResultFile } from './support/report';
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
    users: { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
  },
});

const ROUTES = [
  { route: 'GET /health', path: '/health', authenticated: false },
  { route: 'GET /api/users/me', path: '/api/users/me', authenticated: true },
  { route: 'GET /api/channels', path: '/api/channels', authenticated: true },
];

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
    const users: BenchUser[] = [];
    for (let i = 0; i < Number(options.users); i += 1) users.push(await prepareBenchUser(url, Number(options.channels)));
    let turn = 0;
    const asNextUser = (request: autocannon.Request): autocannon.Request => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${users[(turn += 1) % users.length].token}` },
    });
    const measured: Omit<RouteFigures, 'ratioToHealth'>[] = [];
    for (const { route, path, authenticated } of ROUTES) {
      // One user: a fixed header, the cheapest for the load generator (and as the first figures were taken).
      const perUser = !authenticated ? {} : users.length === 1 ? { headers: { authorization: `Bearer ${users[0].token}` } } : { requests: [{ setupRequest: asNextUser }] };
      const load = { url: `${url}${path}`, connections, ...perUser };
      if (warmup > 0) await autocannon({ ...load, duration: warmup });
      const result = await autocannon({ ...load, duration });
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
    const run = { url: options.url ?? 'embedded (SQLite, temp data dir)', duration, connections, warmup, users: users.length };
    process.stdout.write(`\nsaved ${saveResults(rows, run)}\n`);
  } finally {
    await server?.stop();
  }
}

function saveResults(rows: readonly RouteFigures[], run: object): string {
  return writeResultFile(join(__dirname, 'results'), 'http', options.label ?? '', 'json', `${JSON.stringify({ ...benchContext(), run, routes: rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
