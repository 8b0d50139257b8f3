import { existsSync } from 'node:fs';
import { log } from './infra-log';
import { runVisible } from './process-control';

let indexUpdated = false;

/**
 * Installs a Debian package when the file it provides is missing. The package
 * index is refreshed once per run (a fresh machine's index may be empty or old).
 */
export function ensureDebianPackage(pkg: string, providedFile: string): void {
  if (existsSync(providedFile)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${providedFile} is missing; install the Debian package '${pkg}' (needs root), or point the tests at a server of your own`);
  }
  log(`installing ${pkg} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!indexUpdated) {
    runVisible('apt-get', ['update', '-qq'], { env });
    indexUpdated = true;
  }
  runVisible('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env });
  if (!existsSync(providedFile)) throw new Error(`installing ${pkg} did not provide ${providedFile}`);
}

