import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Written by `npm run infra:up` (scripts/infra): plain KEY=value lines. */
export const INFRA_ENV_FILE = join(resolve(__dirname, '../../../..'), '.infra', 'env');

/**
 * Puts the test servers' settings from .infra/env into process.env. A variable
 * already set wins, which is how tests are pointed at servers of one's own.
 * MONGO_URL is never written by infra:up (no MongoDB server can be installed
 * here): set it in the environment, or add the line to .infra/env by hand.
 */
export function loadInfraEnv(file = INFRA_ENV_FILE): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}
