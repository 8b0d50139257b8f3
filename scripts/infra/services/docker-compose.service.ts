import { existsSync } from 'node:fs';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { run } from '../process-control';
import { InfraService } from './service';

const DOCKER_COMPOSE = '/usr/bin/docker-compose';

/** Debian's docker-compose 1.29: checks docker-compose.yml offline (`config -q`); there is no Docker engine here. */
export const dockerComposeService: InfraService = {
  name: 'docker-compose',
  description: 'docker-compose, to check docker-compose.yml (no engine)',

  async reuse(record) {
    return existsSync(String(record.env.DOCKER_COMPOSE_BIN));
  },

  async start() {
    ensureDebianPackage('docker-compose', DOCKER_COMPOSE);
    log(`${run(DOCKER_COMPOSE, ['version', '--short']).trim()} at ${DOCKER_COMPOSE}`);
    return { env: { DOCKER_COMPOSE_BIN: DOCKER_COMPOSE }, details: {} };
  },
};
