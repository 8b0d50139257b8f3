import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Runs the server's entry point (apps/server/src/main.ts, through tsx) with exactly this environment beside PATH. */
function startServer(env: Record<string, string>): { status: number | null; stderr: string; dataDir: string[] } {
  const dataDir = mkdtempSync(join(tmpdir(), 'webchat-start-'));
  try {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, stderr: run.stderr, dataDir: readdirSync(dataDir) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('start-up in production', () => {
  it('stops with a message naming JWT_SECRET when NODE_ENV=production has none, and generates no secret', () => {
    const run = startServer({ NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters, the same on every node)');
    expect(run.dataDir).toEqual([]);
  });

  it('names JWT_SECRET when the one given is too short, in production too', () => {
    const run = startServer({ NODE_ENV: 'production', JWT_SECRET: 'short' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Invalid configuration: JWT_SECRET must be at least 32 characters long');
  });
});
