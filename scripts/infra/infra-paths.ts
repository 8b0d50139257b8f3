import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The clone this script belongs to; `.infra/` inside it is git-ignored. */
export const PROJECT_ROOT = resolve(__dirname, '../..');
export const INFRA_DIR = join(PROJECT_ROOT, '.infra');
export const ENV_FILE = join(INFRA_DIR, 'env');
export const STATE_FILE = join(INFRA_DIR, 'state.json');

/** Slow downloads and builds live outside the clone, keyed by version, so a fresh clone reuses them. */
export const CACHE_DIR = resolve(process.env.WEBCHAT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'webchat'));

export function serviceDir(service: string): string {
  return join(INFRA_DIR, service);
}

/** An empty data folder for a service about to start (`.infra/<service>/data`); a start never sees old data. */
export function freshDataDir(service: string): string {
  const dataDir = join(serviceDir(service), 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}
