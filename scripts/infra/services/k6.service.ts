import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../infra-paths';
import { log } from '../infra-log';
import { commandExists, run, runVisible } from '../process-control';
import { InfraService } from './service';

const K6_VERSION = process.env.K6_VERSION ?? 'v1.8.1';

/** k6 built from its Go module once per version (the first build takes minutes), kept in the cache. */
export const k6Service: InfraService = {
  name: 'k6',
  description: 'k6 load-testing binary',

  async reuse(record) {
    return existsSync(String(record.env.K6_BIN));
  },

  async start() {
    const home = join(CACHE_DIR, `k6-${K6_VERSION}`);
    const binary = join(home, 'k6');
    if (!existsSync(binary)) {
      if (!commandExists('go')) throw new Error('go is not on PATH: k6 is built from its Go module');
      log(`building k6 ${K6_VERSION} from its Go module (first time only; takes minutes)`);
      const partial = join(home, 'partial');
      mkdirSync(partial, { recursive: true });
      runVisible('go', ['install', `go.k6.io/k6@${K6_VERSION}`], { env: { ...process.env, GOBIN: partial, CGO_ENABLED: '0' } });
      renameSync(join(partial, 'k6'), binary);
    }
    log(`${run(binary, ['version']).split('\n')[0]} at ${binary}`);
    return { env: { K6_BIN: binary }, details: { version: K6_VERSION } };
  },
};
