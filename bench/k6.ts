/**
 * `npm run bench:k6 -- <spike|steady>`: runs k6/<scenario>.js with the k6 binary of
 * `npm run infra:up -- k6` (K6_BIN, from the environment or .infra/env). Without --url it builds
 * the server and starts it on the embedded default (SQLite) in a temp data dir, with a cheap
 * password hash (ARGON2_* lowest) so setup's thousands of sign-ups and logins take seconds; the
 * chat rate limits stay at their defaults (the scenarios stay under them). Prints k6's summary,
 * saves it as JSON under bench/results/, and exits with k6's code (99: a threshold failed).
 *
 *   npm run bench:k6 -- spike  [--users 2000] [--duration 60] [--members 10] [--messages 50]
 *   npm run bench:k6 -- steady [--users 2000] [--duration 60] [--members 2] [--rate 5000]
 *        common: [--url http://host:3000] [--p99 ms] [--max-error-rate 0] [--no-build] [--label name]
 *
 * spike: --users N runs the seed's tiers (100, 500, 1,000, 2,000) below N, then N; --duration is
 * each tier's time slot in seconds. steady: --duration is the sending time in seconds.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadInfraEnv } from '../libs/platform/src/testing/infra-env';
import { saveResults } from './support/results-file';
import { buildServer, RunningServer, startEmbeddedServer } from './support/server-process';

const SEED_TIERS = [100, 500, 1000, 2000];
/** Setup signs up and logs in every user: the default argon2 cost would make that minutes of hashing. */
const CHEAP_PASSWORD_HASH = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };
/** Go's GC target for the k6 process (default 100): see runInherited. */
const K6_GOGC = '400';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' },
    users: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '60' },
    members: { type: 'string' },
    messages: { type: 'string', default: '50' },
    rate: { type: 'string', default: '5000' },
    p99: { type: 'string' },
    'max-error-rate': { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
  },
});

/** The k6 script's environment for each scenario, from the options. */
const SCENARIOS: Record<string, () => Record<string, string>> = {
  spike: () => {
    const users = positiveInteger('users');
    return {
      TIERS: [...SEED_TIERS.filter((tier) => tier < users), users].join(','),
      TIER_SECONDS: String(seconds(options.duration)),
      MEMBERS: options.members ?? '10',
      MESSAGES: String(positiveInteger('messages')),
    };
  },
  steady: () => ({
    USERS: String(positiveInteger('users')),
    DURATION: String(seconds(options.duration)),
    MEMBERS: options.members ?? '2',
    RATE: String(positiveInteger('rate')),
  }),
};

async function main(): Promise<number> {
  const scenario = positionals[0];
  if (!scenario || !SCENARIOS[scenario]) throw new Error(`usage: npm run bench:k6 -- <${Object.keys(SCENARIOS).join('|')}> [options]`);
  const scenarioEnv = SCENARIOS[scenario]();
  loadInfraEnv();
  const k6 = process.env.K6_BIN;
  if (!k6 || !existsSync(k6)) throw new Error(`no k6 binary (K6_BIN=${k6 ?? ''}): run npm run infra:up -- k6`);
  let server: RunningServer | undefined;
  if (!options.url) {
    if (!options['no-build']) buildServer();
    server = await startEmbeddedServer(CHEAP_PASSWORD_HASH);
    process.stdout.write(`server: embedded (SQLite) at ${server.url}\n`);
  }
  const url = options.url ?? (server as RunningServer).url;
  const scratch = mkdtempSync(join(tmpdir(), 'webchat-k6-'));
  try {
    const env = {
      BASE_URL: url,
      MAX_ERROR_RATE: options['max-error-rate'],
      ...(options.p99 ? { ACK_P99_MS: options.p99 } : {}),
      ...scenarioEnv,
    };
    const summaryFile = join(scratch, 'summary.json');
    const args = ['run', '--summary-export', summaryFile, ...Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]), join(__dirname, '..', 'k6', `${scenario}.js`)];
    const code = await runInherited(k6, args);
    if (existsSync(summaryFile)) {
      const run = { scenario, url: options.url ?? 'embedded (SQLite, temp data dir)', env, k6ExitCode: code };
      // setup_data holds every user's token: large, and nothing to keep.
      const { setup_data: _tokens, ...summary } = JSON.parse(readFileSync(summaryFile, 'utf8')) as Record<string, unknown>;
      process.stdout.write(`saved ${saveResults(`k6-${scenario}`, options.label, { run, summary })}\n`);
    }
    if (code !== 0) process.stderr.write(`k6 exited with ${code}${code === 99 ? ' (a threshold failed)' : ''}\n`);
    return code;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await server?.stop();
  }
}

/** Runs k6 in the foreground; Ctrl-C or SIGTERM stops k6 (which still writes its summary), then the server. */
function runInherited(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    // k6's Go GC took a third of its CPU in the spike (pprof) on the cores the server needs; a larger
    // GOGC trades memory (a few hundred MB at 2,000 users) for it. A GOGC set by the caller wins.
    const child = spawn(command, args, { stdio: 'inherit', env: { GOGC: K6_GOGC, ...process.env } });
    const stop = () => child.kill('SIGINT');
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function positiveInteger(name: 'users' | 'messages' | 'rate'): number {
  const value = Number(options[name]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got '${options[name]}'`);
  return value;
}

/** "90", "90s", "2m" → seconds. */
function seconds(text: string): number {
  const match = /^(\d+)(s|m)?$/.exec(text.trim());
  if (!match || Number(match[1]) < 1) throw new Error(`--duration must be like 30, 30s or 2m, got '${text}'`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);
