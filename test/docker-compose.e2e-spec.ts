import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describeWithTool } from './support/describe-with-tool';
import { MONITORING_DIR, PROMETHEUS_DIR, provisionedDataSources, PROVISIONING_DIR, readYaml } from './support/monitoring-files';

const ROOT = resolve(__dirname, '..');
const dockerCompose = { name: 'docker-compose', binary: process.env.DOCKER_COMPOSE_BIN ?? 'docker-compose', requireFlag: 'WEBCHAT_REQUIRE_DOCKER_COMPOSE' };

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: { published: number | string; target: number }[];
  /** `source:target:mode`, as docker-compose 1.29 prints them. */
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

/** `docker-compose config` on the repository's file, with only the given variables (an empty env file, not a stray .env). */
function composeConfig(env: Record<string, string>, quiet = false) {
  const dir = mkdtempSync(join(tmpdir(), 'webchat-compose-'));
  writeFileSync(join(dir, 'empty.env'), '');
  const args = ['-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, 'empty.env'), 'config', ...(quiet ? ['-q'] : [])];
  const run = spawnSync(dockerCompose.binary, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', ...env } });
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A volume of a service, from docker-compose's short form. */
function mounts(service: ComposeService): { source: string; target: string; read_only: boolean }[] {
  return (service.volumes ?? []).map((volume) => {
    const [source, target, mode] = volume.split(':');
    return { source, target, read_only: mode === 'ro' };
  });
}

// No Docker engine runs here: the stack itself is never started; its file is checked by
// docker-compose and against the files it mounts (Prometheus targets, nginx upstream, Grafana paths).
describeWithTool(dockerCompose, 'docker-compose.yml', () => {
  const secret = 'a-cluster-secret-0123456789-0123456789';
  let services: Record<string, ComposeService>;
  const servers = () => Object.keys(services).filter((name) => /^server-\d+$/.test(name)).sort();

  beforeAll(() => {
    const resolved = composeConfig({ JWT_SECRET: secret });
    if (resolved.status !== 0) throw new Error(resolved.stderr);
    services = (parse(resolved.stdout) as { services: Record<string, ComposeService> }).services;
  });

  it('passes docker-compose config -q', () => {
    expect(composeConfig({ JWT_SECRET: secret }, true)).toMatchObject({ status: 0, stderr: '' });
  });

  it('refuses to start without the cluster\'s JWT_SECRET (a secret made per node would split the cluster)', () => {
    const run = composeConfig({}, true);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('set JWT_SECRET');
  });

  it('runs MySQL 8, MongoDB 7 and Kafka 3.9, each with a health check the nodes wait for', () => {
    expect(services.mysql.image).toMatch(/^mysql:8/);
    expect(services.mongo.image).toMatch(/^mongo:7/);
    expect(services.kafka.image).toMatch(/^apache\/kafka:3\.9/);
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_NODE_ID: '1' });
    for (const name of ['mysql', 'mongo', 'kafka']) expect(services[name].healthcheck?.test.length).toBeGreaterThan(1);
    for (const name of servers()) {
      expect(services[name].depends_on).toEqual({ mysql: { condition: 'service_healthy' }, mongo: { condition: 'service_healthy' }, kafka: { condition: 'service_healthy' } });
    }
  });

  it('runs two server nodes from the Dockerfile on MySQL, MongoDB and Kafka, with their own NODE_ID and one JWT_SECRET', () => {
    expect(servers()).toEqual(['server-1', 'server-2']);
    for (const name of servers()) {
      expect(services[name].build).toBeDefined();
      expect(services[name].environment).toMatchObject({
        NODE_ID: name,
        DB: 'mysql',
        MYSQL_URL: expect.stringMatching(/^mysql:\/\/webchat:.+@mysql:3306\/webchat$/),
        MESSAGE_STORE: 'mongo',
        MONGO_URL: expect.stringMatching(/^mongodb:\/\/mongo:27017\//),
        BUS: 'kafka',
        KAFKA_BROKERS: 'kafka:9092',
        JWT_SECRET: secret,
        TRUST_PROXY_HOPS: '1',
      });
    }
  });

  it('puts an nginx in front that upgrades WebSockets and sticks a polling session to its node, over every server node', () => {
    expect(services.lb.image).toMatch(/^nginx:/);
    expect(services.lb.ports).toEqual([expect.objectContaining({ published: 8080, target: 80 })]);
    const mount = mounts(services.lb).find((volume) => volume.target === '/etc/nginx/conf.d/default.conf');
    expect(mount?.source).toBe(join(ROOT, 'deploy', 'nginx', 'webchat.conf'));
    const nginx = readFileSync(mount?.source ?? '', 'utf8');
    const upstream = /upstream webchat \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect([...upstream.matchAll(/server ([\w-]+):3000;/g)].map((match) => match[1]).sort()).toEqual(servers());
    expect(upstream).toMatch(/^\s*ip_hash;/m);
    expect(nginx).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(nginx).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(nginx).toContain('proxy_http_version 1.1;');
  });

  it('runs Prometheus on 9090 with monitoring/prometheus, scraping every server node', () => {
    expect(services.prometheus.ports).toEqual([expect.objectContaining({ published: 9090, target: 9090 })]);
    expect(mounts(services.prometheus)).toContainEqual(expect.objectContaining({ source: PROMETHEUS_DIR, target: '/etc/prometheus', read_only: true }));
    const config = readYaml<{ scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] }>(join(PROMETHEUS_DIR, 'prometheus.yml'));
    const webchat = config.scrape_configs.find((job) => job.job_name === 'webchat');
    expect(webchat?.static_configs.flatMap((group) => group.targets).sort()).toEqual(servers().map((name) => `${name}:3000`));
  });

  it('runs Grafana on 7070 provisioned from monitoring/grafana: the data source is the Prometheus service, the dashboards folder is where the provider reads', () => {
    expect(services.grafana.ports).toEqual([expect.objectContaining({ published: 7070, target: 3000 })]);
    const volumes = mounts(services.grafana);
    expect(volumes).toContainEqual(expect.objectContaining({ source: PROVISIONING_DIR, target: '/etc/grafana/provisioning', read_only: true }));
    const provider = readYaml<{ providers: { options: { path: string } }[] }>(join(PROVISIONING_DIR, 'dashboards', 'webchat.yml')).providers[0];
    expect(volumes).toContainEqual(expect.objectContaining({ source: join(MONITORING_DIR, 'grafana', 'dashboards'), target: provider.options.path }));
    const [source] = provisionedDataSources();
    const prometheusPort = services.prometheus.ports?.[0].target;
    expect(source.url).toBe(`http://prometheus:${prometheusPort}`);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs from another, slim, with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]).toContain('RUN npm ci');
    expect(stages[0]).toMatch(/npm run build/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/^node:20-[\w-]*slim\b/);
    expect(runtime).not.toMatch(/npm (ci|install)/);
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
  });

  it('builds the web client with the server and ships it where WEB_DIR looks by default', () => {
    expect(stages[0]).toContain('COPY scripts/web ./scripts/web');
    expect(runtime).toContain('COPY --from=build /app/apps/web/dist ./apps/web/dist');
    expect(runtime).toMatch(/^WORKDIR \/app$/m);
  });

  it('runs as a user that is not root, with a health check on /health, the compiled server as its command', () => {
    expect(runtime).toMatch(/^USER (?!root\b|0\b)\w+$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(runtime).toContain('CMD ["node", "dist/apps/server/src/main.js"]');
  });

  it('leaves local state out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.infra', '.git']));
  });
});
