import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ENV_FILE, INFRA_DIR, STATE_FILE } from './infra-paths';

/** What `up` recorded of one service: the process it started (if any) and the settings it exports. */
export interface ServiceRecord {
  /** Only set for a process this project started; `down` stops exactly these. */
  pid?: number;
  env: Record<string, string>;
  /** Ports and paths the service needs to be found again by a second `up`. */
  details: Record<string, string | number>;
}

export type InfraState = Record<string, ServiceRecord>;

export function readState(): InfraState {
  if (!existsSync(STATE_FILE)) return {};
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as InfraState;
}

/** Saves the state and rewrites `.infra/env` (plain KEY=value lines) from every recorded service. */
export function writeState(state: InfraState): void {
  mkdirSync(INFRA_DIR, { recursive: true });
  writeAtomically(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
  const lines = Object.values(state).flatMap((record) => Object.entries(record.env).map(([key, value]) => `${key}=${value}`));
  writeAtomically(ENV_FILE, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
