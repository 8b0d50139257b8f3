import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const RESULTS_DIR = join(__dirname, '..', 'results');

/**
 * Writes `bench/results/<kind>-<timestamp>[-label].json`: the figures with what is needed to
 * read them later (commit, node, CPUs, load average at the end). Returns the file's path.
 */
export function saveResults(kind: string, label: string, figures: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(RESULTS_DIR, `${kind}-${stamp}${label ? `-${label}` : ''}.json`);
  const context = {
    commit: gitCommit(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadAverageAtEnd: loadavg(),
    note: 'the load generator runs on the same machine as the server',
  };
  writeFileSync(file, `${JSON.stringify({ ...context, ...figures }, null, 2)}\n`);
  return file;
}

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
