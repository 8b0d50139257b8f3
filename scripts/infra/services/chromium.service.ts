import { existsSync } from 'node:fs';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { run } from '../process-control';
import { InfraService } from './service';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium for headless browser tests (test tools cannot download their own browser here). */
export const chromiumService: InfraService = {
  name: 'chromium',
  description: 'headless Chromium for browser tests',

  async reuse(record) {
    return existsSync(String(record.env.CHROMIUM_PATH));
  },

  async start() {
    ensureDebianPackage('chromium', CHROMIUM);
    log(`${run(CHROMIUM, ['--headless', '--no-sandbox', '--version']).trim()} at ${CHROMIUM}`);
    return { env: { CHROMIUM_PATH: CHROMIUM }, details: {} };
  },
};
