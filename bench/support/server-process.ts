import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/infra/network';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

/** How a server process ended: by itself (`code`) or by a signal it did not handle (`signal`). */
export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** Sends one SIGTERM (the way `npm start` is stopped) and resolves when the process has ended. */
  stop(): Promise<ServerExit>;
  /** A crash: SIGKILL, no shutdown hook runs; resolves when the process has ended. */
  kill(): Promise<ServerExit>;
}

/** Builds the server (nest build) so the benchmark measures the compiled code that `npm start` runs. */
export function buildServer(): void {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
}

/**
 * Starts `node dist/apps/server/src/main.js` in a fresh temp data dir: the embedded default
 * (SQLite) unless `extraEnv` points it elsewhere (MySQL, Kafka: a node of a cluster).
 */
export async function startEmbeddedServer(extraEnv: Record<string, string>): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'webchat-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO, 'dist/apps/server/src/main.js')], {
    cwd: REPO,
    // The load comes from this one host (thousands of sockets): the per-address bound would refuse it.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SOCKET_CONNECTIONS_PER_ADDRESS: '0', ...extraEnv },
    // Its log lines (warnings and up) go where ours go; a pipe nobody reads would stall it once full.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = exitOf(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    pid: child.pid as number,
    stop: async () => {
      const exit = await terminate(child, exited);
      rmSync(dataDir, { recursive: true, force: true });
      return exit;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const exit = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return exit;
    },
  };
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url}/health within 30 s`);
}

/** Starts the bare socket.io relay of bench/relay (the baseline) as a process of its own. */
export async function startRelay(): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'bench/relay/bare-relay.ts')], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = exitOf(child);
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the relay exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () => terminate(child, exited),
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

function exitOf(child: ChildProcess): Promise<ServerExit> {
  return new Promise<ServerExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** One SIGTERM unless it already ended (Nest re-raises SIGTERM after its hooks: it may end by signal). */
function terminate(child: ChildProcess, exited: Promise<ServerExit>): Promise<ServerExit> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited;
}
