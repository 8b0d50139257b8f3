import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export interface RouteFigures {
  readonly route: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests answered with a status other than 2xx (a 429 or 401 here means the figure is not the route's). */
  readonly non2xx: number;
  readonly errors: number;
  /** requestsPerSecond divided by the /health figure of the same run. */
  readonly ratioToHealth: number;
}

/** A plain-text table, one line per route. */
export function formatTable(rows: readonly RouteFigures[]): string {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'vs /health', 'non-2xx', 'errors'];
  const lines = rows.map((row) => [
    row.route,
    row.requestsPerSecond.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    row.ratioToHealth.toFixed(2),
    String(row.non2xx),
    String(row.errors),
  ]);
  return renderTable(header, lines);
}

/** Aligned columns: the first left-aligned, the others right-aligned. */
export function renderTable(header: readonly string[], lines: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column].length)));
  const render = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}

/** Where and on what a figure was taken, saved beside it. */
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
