import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { freshDataDir, serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { portFrom } from '../network';
import { abandon, isAlive, run, startDetached, waitUntil } from '../process-control';
import { InfraService } from './service';

const PROMETHEUS = '/usr/bin/prometheus';

/**
 * Debian's Prometheus on 127.0.0.1 with a config file tests may rewrite
 * (PROMETHEUS_CONFIG) and reload through the lifecycle API (POST /-/reload).
 */
export const prometheusService: InfraService = {
  name: 'prometheus',
  description: 'Prometheus server (and promtool)',

  async reuse(record) {
    return isAlive(record.pid) && ready(String(record.env.PROMETHEUS_URL));
  },

  async start() {
    ensureDebianPackage('prometheus', PROMETHEUS);
    const dir = serviceDir('prometheus');
    const dataDir = freshDataDir('prometheus');
    const port = await portFrom('PROMETHEUS_PORT');
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, selfScrapeConfig(port));
    const pid = startDetached(
      PROMETHEUS,
      [`--config.file=${config}`, `--storage.tsdb.path=${dataDir}`, `--web.listen-address=127.0.0.1:${port}`, '--web.enable-lifecycle'],
      join(dir, 'prometheus.log'),
    );
    const url = `http://127.0.0.1:${port}`;
    if (!(await waitUntil(async () => isAlive(pid) && ready(url), 60_000))) {
      await abandon(pid, `Prometheus did not become ready at ${url}; see ${join(dir, 'prometheus.log')}`);
    }
    const version = run(PROMETHEUS, ['--version']).split('\n')[0];
    log(`${version} at ${url}`);
    return {
      pid,
      env: { PROMETHEUS_URL: url, PROMETHEUS_CONFIG: config, PROMTOOL_BIN: '/usr/bin/promtool' },
      details: { port, dataDir },
    };
  },

  cleanUp(record: ServiceRecord) {
    rmSync(String(record.details.dataDir), { recursive: true, force: true });
  },
};

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** A starting point that scrapes Prometheus itself; tests write their own targets and reload. */
function selfScrapeConfig(port: number): string {
  return ['global:', '  scrape_interval: 5s', 'scrape_configs:', '  - job_name: prometheus', '    static_configs:', `      - targets: ['127.0.0.1:${port}']`, ''].join('\n');
}
