import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const RESULTS_DIR = join(__dirname, '..', 'results');

/**
 * Writes `bench/results/<kind>-<timestamp>[-label].json`: the figures with what is needed to
 * read them later (benchContext). Returns the file's path.
 */
export function saveResults(kind: string, label: string, figures: object): string {
  return writeResultFile(RESULTS_DIR, kind, label, 'json', `${JSON.stringify({ ...benchContext(), ...figures }, null, 2)}\n`);
}

/** Where and on what a figure was taken (commit, node, CPUs, load average at the end), saved beside it. */
export function benchContext(): Record<string, unknown> {
  return {
    commit: gitCommit(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadAverageAtEnd: loadavg(),
    note: 'the load generator runs on the same machine as the server',
  };
}

/** `<folder>/<kind>-<timestamp>[-label].<extension>`, folder created when missing; returns the path. */
export function writeResultFile(folder: string, kind: string, label: string, extension: string, content: string): string {
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(folder, `${kind}-${stamp}${label ? `-${label}` : ''}.${extension}`);
  writeFileSync(file, content);
  return file;
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
