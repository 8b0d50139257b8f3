import { existsSync } from 'node:fs';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { run } from '../process-control';
import { InfraService } from './service';

const CHROMIUM = '/usr/bin/chromium';
/** A Korean font (Debian's Chromium brings none): Korean messages render as boxes in screenshots without it. */
const KOREAN_FONT = { pkg: 'fonts-nanum', file: '/usr/share/fonts/truetype/nanum/NanumGothic.ttf' };

/** Debian's Chromium for headless browser tests (test tools cannot download their own browser here). */
export const chromiumService: InfraService = {
  name: 'chromium',
  description: 'headless Chromium for browser tests',

  async reuse(record) {
    return existsSync(String(record.env.CHROMIUM_PATH)) && existsSync(KOREAN_FONT.file);
  },

  async start() {
    ensureDebianPackage('chromium', CHROMIUM);
    ensureDebianPackage(KOREAN_FONT.pkg, KOREAN_FONT.file);
    log(`${run(CHROMIUM, ['--headless', '--no-sandbox', '--version']).trim()} at ${CHROMIUM}`);
    return { env: { CHROMIUM_PATH: CHROMIUM }, details: {} };
  },
};
