import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../../support/test-app';

const ROOT = join(__dirname, '..', '..', '..');
export const WEB_BUILD = join(ROOT, 'apps', 'web', 'dist');

/** Builds the web client if its sources changed since the last build (as `npm start` does). */
export function ensureWebBuild(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'web', 'web-build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`the web client did not build:\n${build.stdout}${build.stderr}`);
}

/** The real server on the embedded default (SQLite in a temp folder, in-process bus), listening, serving the built client. */
export async function startWebServer(env: Record<string, string> = {}): Promise<TestApp> {
  ensureWebBuild();
  return startTestApp({ WEB_DIR: WEB_BUILD, ...env }, { listen: true });
}
