import { spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** Starts a long-running server detached from this script, its output appended to logFile. */
export function startDetached(command: string, args: string[], logFile: string, cwd?: string): number {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  child.unref();
  return child.pid;
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL if the process is still there after the grace period. */
export async function stopProcess(pid: number, graceMs = 30_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const stopped = await waitUntil(async () => !isAlive(pid), graceMs, 200);
  if (!stopped) process.kill(pid, 'SIGKILL');
}

/** Sends `signal` (SIGKILL: a crash, SIGSTOP/SIGCONT: a freeze) and, unless it is SIGSTOP/SIGCONT, waits until the process is gone. */
export async function signalProcess(pid: number, signal: NodeJS.Signals, timeoutMs = 30_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  if (signal === 'SIGSTOP' || signal === 'SIGCONT') return;
  if (!(await waitUntil(async () => !isAlive(pid), timeoutMs, 50))) throw new Error(`process ${pid} still runs ${timeoutMs} ms after ${signal}`);
}

/** Stops a server that started but never became ready, then reports why. */
export async function abandon(pid: number, reason: string): Promise<never> {
  await stopProcess(pid, 5_000);
  throw new Error(reason);
}

/** Polls until check() is true; false when the time runs out. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${output}`);
  }
  return String(result.stdout ?? '');
}

/** Like run, with the command's output shown live (long installs and builds). */
export function runVisible(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
