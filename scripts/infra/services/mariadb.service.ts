import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from '../infra-log';
import { freshDataDir, PROJECT_ROOT, serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { portFrom, tcpAnswers } from '../network';
import { isAlive } from '../process-control';
import { startMariadbInstance } from './mariadb-instance';
import { InfraService } from './service';

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
    const dir = serviceDir('mariadb');
    const dataDir = freshDataDir('mariadb');
    const port = await portFrom('MARIADB_PORT');
    // A socket path must stay under ~100 bytes, which a deep clone path could exceed.
    const socket = join(tmpdir(), `webchat-mariadb-${createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 10)}.sock`);
    const instance = await startMariadbInstance({ dir, dataDir, port, socket });
    log(`MariaDB ${instance.version} on 127.0.0.1:${port} (data in ${dataDir})`);
    return {
      pid: instance.pid,
      env: { MYSQL_URL: instance.url, MYSQL_SERVER_VERSION: instance.version },
      details: { port, socket, dataDir },
    };
  },

  cleanUp(record: ServiceRecord) {
    rmSync(String(record.details.dataDir), { recursive: true, force: true });
  },
};
