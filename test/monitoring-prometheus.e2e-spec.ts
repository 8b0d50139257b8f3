import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createMysqlSchema, isKafkaAvailable, isMysqlAvailable } from '@webchat/platform/testing';
import type { Socket } from 'socket.io-client';
import { stringify } from 'yaml';
import { ask, connectChat } from './support/chat-client';
import { clusterNodeEnv } from './support/cluster-node-env';
import { alertRules, asPrometheusQuery, dashboardQueries, PROMETHEUS_DIR, PromQuery, readYaml, withBoolComparison } from './support/monitoring-files';
import { PrometheusApi } from './support/prometheus-api';
import { describeOnPrometheus, prometheusUrl } from './support/prometheus-target';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';
import { WALLET_PASSWORD, walletClient } from './support/wallet-client';

interface ScrapeConfig {
  job_name: string;
  static_configs: { targets: string[] }[];
}
interface PrometheusConfig {
  global: Record<string, string>;
  rule_files: string[];
  scrape_configs: ScrapeConfig[];
}

/** The repository's prometheus.yml, pointed at this test's node and scraping every second. */
function configFor(nodeUrl: string, prometheus: string): string {
  const config = readYaml<PrometheusConfig>(join(PROMETHEUS_DIR, 'prometheus.yml'));
  config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
  config.rule_files = config.rule_files.map((file) => join(PROMETHEUS_DIR, file));
  const targets: Record<string, string> = { webchat: new URL(nodeUrl).host, prometheus: new URL(prometheus).host };
  for (const job of config.scrape_configs) {
    if (!targets[job.job_name]) throw new Error(`prometheus.yml has a job this test does not know: ${job.job_name}`);
    job.static_configs = [{ targets: [targets[job.job_name]] }];
  }
  return stringify(config);
}

/** The dashboards' queries as Grafana sends them (all nodes, a rate window of many 1 s scrapes) and the alerts' compared quantities. */
function everyQuery(): PromQuery[] {
  return [
    ...dashboardQueries().map(({ where, expr }) => ({ where, expr: asPrometheusQuery(expr, { instance: '.*', __rate_interval: '30s' }) })),
    ...alertRules().map((rule) => ({ where: `alert ${rule.alert}`, expr: withBoolComparison(rule.expr) })),
  ];
}

// One production-shaped node (MariaDB store, Kafka bus) scraped by the real Prometheus through the
// repository's prometheus.yml and alerts.yml; Prometheus' own config file is put back afterwards.
describeOnPrometheus('monitoring on a real Prometheus (every dashboard and alert query has data)', () => {
  const prometheus = new PrometheusApi(prometheusUrl() ?? '');
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  let node: TestApp;
  let restoreConfig: (() => Promise<void>) | undefined;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!isMysqlAvailable() || !isKafkaAvailable()) throw new Error('this test runs a node on MariaDB and Kafka (npm run infra:up -- mariadb kafka prometheus)');
    const configFile = process.env.PROMETHEUS_CONFIG;
    if (!configFile) throw new Error('PROMETHEUS_CONFIG (the file the Prometheus at PROMETHEUS_URL reads) is not set');
    schema = await createMysqlSchema();
    const suffix = randomBytes(4).toString('hex');
    node = await startTestApp({ ...clusterNodeEnv(schema.url, suffix, 'monitored-1'), RESERVED_TRANSFERS_INTERVAL_MS: '200' }, { listen: true });
    restoreConfig = await prometheus.swapConfig(configFile, configFor(node.url, prometheusUrl() ?? ''));
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await restoreConfig?.();
    await node?.close();
    await schema?.drop();
  });

  it('loads the repository\'s alert rules and scrapes the node', async () => {
    expect((await prometheus.alertRuleNames()).sort()).toEqual(alertRules().map((rule) => rule.alert).sort());
    let target: { health: string; lastError: string } | undefined;
    for (let attempt = 0; attempt < 30 && target?.health !== 'up'; attempt += 1) {
      target = (await prometheus.activeTargets()).find((candidate) => candidate.scrapePool === 'webchat');
      if (target?.health !== 'up') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(target).toMatchObject({ health: 'up', lastError: '' });
  }, 30_000);

  it('answers every PromQL expression of the dashboards and the alert rules with data after some traffic', async () => {
    // Chat: two members, messages both ways, one send refused.
    const [ana, ben] = [await signedInUser(node.http, 'Ana'), await signedInUser(node.http, 'Ben')];
    const channelId = (await node.http.post('/api/channels').set({ authorization: `Bearer ${ana.token}` }).send({ name: 'watched' }).expect(201)).body.id;
    await node.http.post(`/api/channels/${channelId}/join`).set({ authorization: `Bearer ${ben.token}` }).send({}).expect(200);
    sockets.push(await connectChat(node.url, ana.token), await connectChat(node.url, ben.token));
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, n) => ask<{ ok: boolean }>(sockets[n % 2], 'message:send', { channelId, clientMsgId: `m-${n}`, text: `message ${n}` })),
    );
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    expect(await ask(sockets[0], 'message:send', { channelId: 'not-a-channel', clientMsgId: 'bad', text: 'x' })).toMatchObject({ ok: false });
    await node.http.get(`/api/channels/${channelId}/messages`).set({ authorization: `Bearer ${ana.token}` }).expect(200);

    // Wallet: a deposit, a transfer, and two reserved transfers (one runs, one fails for lack of funds).
    const as = (user: SignedInUser) => walletClient(node, user);
    const [anaWallet, benWallet] = [await as(ana).openWallet(), await as(ben).openWallet()];
    await as(ana).deposit(anaWallet, 1_000).expect(201);
    await as(ana).transfer(anaWallet, benWallet, 100).expect(201);
    // Due a moment after each booking: one due time shared by both could already be past when a loaded machine gets to the second.
    const reserved = { fromWalletId: anaWallet, toWalletId: benWallet, password: WALLET_PASSWORD };
    const soon = () => new Date(Date.now() + 1_500).toISOString();
    await as(ana).post('/api/reserved-transfers', { ...reserved, amount: 50, executeAt: soon() }).expect(201);
    await as(ana).post('/api/reserved-transfers', { ...reserved, amount: 1_000_000, executeAt: soon() }).expect(201);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const rows = (await as(ana).get('/api/reserved-transfers').expect(200)).body as { status: string }[];
      if (rows.every((row) => row.status !== 'SCHEDULED')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // Scrapes come every second; the rates need two of them after the traffic.
    const queries = everyQuery();
    let empty: string[] = queries.map(({ where }) => where);
    const deadline = Date.now() + 40_000;
    while (empty.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const answers = await Promise.all(queries.map(async (query) => ({ query, series: await prometheus.query(query.expr) })));
      empty = answers.filter(({ series }) => series.length === 0).map(({ query }) => `${query.where}: ${query.expr}`);
    }
    expect(empty).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(40);
  }, 90_000);

  it('stores no series with an id in a label (bounded label values only)', async () => {
    // The node's own series (not ALERTS, which Prometheus writes when a rule is pending under this load).
    const series = await prometheus.series(`{job="webchat", instance="${new URL(node.url).host}", __name__!~"ALERTS.*"}`);
    expect(series.length).toBeGreaterThan(100);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(series.filter((labels) => Object.values(labels).some((value) => uuid.test(value)))).toEqual([]);
    const labelNames = [...new Set(series.flatMap((labels) => Object.keys(labels)))];
    expect(labelNames).toEqual(expect.arrayContaining(['route', 'code', 'outcome', 'result', 'partition', 'topic']));
    expect(labelNames.filter((name) => /user|channel|wallet|socket|message|(^|_)id$/i.test(name))).toEqual([]);
  });
});
