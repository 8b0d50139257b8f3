import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackage } from '../debian-packages';
import { tcpAnswers } from '../network';
import { abandon, isAlive, run, startDetached, waitUntil } from '../process-control';

const MARIADBD = '/usr/sbin/mariadbd';
const USER = 'webchat';
const DATABASE = 'webchat';

/** Where one MariaDB instance lives: its folder (logs, pid file), data folder, TCP port and Unix socket. */
export interface MariadbPlace {
  readonly dir: string;
  readonly dataDir: string;
  readonly port: number;
  /** Under ~100 bytes (a Unix socket path limit). */
  readonly socket: string;
}

/** A started instance: its process and the URL the app and the tests connect with. */
export interface MariadbInstance extends MariadbPlace {
  readonly pid: number;
  readonly url: string;
  readonly version: string;
}

const asRoot = (): string[] => (process.getuid?.() === 0 ? ['--user=root'] : []);

/** Makes a fresh, empty data folder with the system tables (root by Unix socket only). */
export function initMariadbDataDir(dataDir: string): void {
  ensureDebianPackage('mariadb-server', MARIADBD);
  run('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, ...asRoot(), '--auth-root-authentication-method=socket', '--skip-test-db']);
}

/**
 * Starts mariadbd on a data folder made by initMariadbDataDir (fresh or one an earlier process of
 * this place left, stopped or killed: InnoDB recovers it) and waits until it answers on TCP.
 */
export async function startMariadbProcess(place: MariadbPlace): Promise<number> {
  const pid = startDetached(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${place.dataDir}`,
      ...asRoot(),
      '--bind-address=127.0.0.1',
      `--port=${place.port}`,
      `--socket=${place.socket}`,
      `--pid-file=${join(place.dir, 'mariadbd.pid')}`,
      `--log-error=${join(place.dir, 'error.log')}`,
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--skip-name-resolve',
      '--max-connections=500',
      // The default, said aloud: the log is flushed at every commit (DESIGN §1 "no loss").
      '--innodb-flush-log-at-trx-commit=1',
    ],
    join(place.dir, 'mariadbd.out'),
  );
  const up = await waitUntil(async () => isAlive(pid) && existsSync(place.socket) && (await tcpAnswers(place.port)), 60_000);
  if (!up) await abandon(pid, `MariaDB did not answer on 127.0.0.1:${place.port}; see ${join(place.dir, 'error.log')}`);
  return pid;
}

/** A fresh instance: data folder made, server started, the app's TCP user (a new random password) and database created. */
export async function startMariadbInstance(place: MariadbPlace): Promise<MariadbInstance> {
  initMariadbDataDir(place.dataDir);
  const pid = await startMariadbProcess(place);
  const password = randomBytes(12).toString('hex');
  const root = ['--no-defaults', `--socket=${place.socket}`, '-uroot'];
  run('mariadb', [...root, '-e', [
    `CREATE OR REPLACE USER '${USER}'@'127.0.0.1' IDENTIFIED BY '${password}'`,
    `GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'127.0.0.1' WITH GRANT OPTION`,
    `CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  ].join('; ')]);
  const version = run('mariadb', [...root, '-N', '-e', 'SELECT VERSION()']).trim();
  return { ...place, pid, url: `mysql://${USER}:${password}@127.0.0.1:${place.port}/${DATABASE}`, version };
}
