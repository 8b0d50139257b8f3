import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Builds the web client (apps/web → apps/web/dist) when it is missing or stale: the build keeps
 * a hash of the sources it was made from (every file of apps/web but dist, and the lock file, so a
 * dependency update counts too). A hash rather than mtimes: a checkout or a copy changes mtimes
 * without changing a byte. `--force` builds anyway. Run by `npm run build` (and so by `npm start`).
 */
const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const OUT = join(WEB, 'dist');
const STAMP = join(OUT, '.source-hash');
const SKIPPED = new Set(['dist', 'node_modules']);

export function webSourcesHash(): string {
  const hash = createHash('sha256');
  const files = [...sourceFiles(WEB), join(ROOT, 'package-lock.json')].filter(existsSync).sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

export function webBuildIsCurrent(hash = webSourcesHash()): boolean {
  return existsSync(join(OUT, 'index.html')) && existsSync(STAMP) && statSync(STAMP).isFile() && readFileSync(STAMP, 'utf8').trim() === hash;
}

function main(): void {
  const hash = webSourcesHash();
  if (!process.argv.includes('--force') && webBuildIsCurrent(hash)) {
    process.stdout.write(`web client: ${relative(ROOT, OUT)} is up to date\n`);
    return;
  }
  process.stdout.write(`web client: building ${relative(ROOT, OUT)}\n`);
  const vite = spawnSync(process.execPath, [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', WEB, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  writeFileSync(STAMP, `${hash}\n`);
}

if (require.main === module) main();
