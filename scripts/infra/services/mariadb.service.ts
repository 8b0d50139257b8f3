import { createHash, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { freshDataDir, PROJECT_ROOT, serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { portFrom, tcpAnswers } from '../network';
import { abandon, isAlive, run, startDetached, waitUntil } from '../process-control';
import { InfraService } from './service';

const MARIADBD = '/usr/sbin/mariadbd';
const USER = 'webchat';
const DATABASE = 'webchat';

/**
 * A private MariaDB instance (Debian's 10.11) on 127.0.0.1: its own data folder
 * under .infra/mariadb, its own socket, a TCP user for the app and the tests.
 * No systemd here, so the server is started directly; the system instance is never touched.
 */
export const mariadbService: InfraService = {
  name: 'mariadb',
  description: 'MariaDB (MySQL-compatible) server',

  async reuse(record) {
    return isAlive(record.pid) && tcpAnswers(Number(record.details.port));
  },

  async start() {
    ensureDebianPackage('mariadb-server', MARIADBD);
    const dir = serviceDir('mariadb');
    const dataDir = freshDataDir('mariadb');
    const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
    run('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, ...asRoot, '--auth-root-authentication-method=socket', '--skip-test-db']);

    const port = await portFrom('MARIADB_PORT');
    // A socket path must stay under ~100 bytes, which a deep clone path could exceed.
    const socket = join(tmpdir(), `webchat-mariadb-${createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 10)}.sock`);
    const pid = startDetached(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        ...asRoot,
        '--bind-address=127.0.0.1',
        `--port=${port}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, 'mariadbd.pid')}`,
        `--log-error=${join(dir, 'error.log')}`,
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--skip-name-resolve',
        '--max-connections=500',
        // The default, said aloud: the log is flushed at every commit (DESIGN §1 "no loss").
        '--innodb-flush-log-at-trx-commit=1',
      ],
      join(dir, 'mariadbd.out'),
    );
    const up = await waitUntil(async () => existsSync(socket) && (await tcpAnswers(port)), 60_000);
    if (!up) await abandon(pid, `MariaDB did not answer on 127.0.0.1:${port}; see ${join(dir, 'error.log')}`);

    const password = randomBytes(12).toString('hex');
    run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', [
      `CREATE OR REPLACE USER '${USER}'@'127.0.0.1' IDENTIFIED BY '${password}'`,
      `GRANT ALL PRIVILEGES ON *.* TO '${USER}'@'127.0.0.1' WITH GRANT OPTION`,
      `CREATE DATABASE IF NOT EXISTS \`${DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ].join('; ')]);
    const version = run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-e', 'SELECT VERSION()']).trim();
    log(`MariaDB ${version} on 127.0.0.1:${port} (data in ${dataDir})`);
    return {
      pid,
      env: { MYSQL_URL: `mysql://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`, MYSQL_SERVER_VERSION: version },
      details: { port, socket, dataDir },
    };
  },

  cleanUp(record: ServiceRecord) {
    rmSync(String(record.details.dataDir), { recursive: true, force: true });
  },
};
