import Ajv from 'ajv';
import { alertRules, asPrometheusQuery, dashboardQueries, dashboards, provisionedDataSources, topLevelComparisons, withBoolComparison } from './support/monitoring-files';

// Grafana cannot be installed here: its dashboards are checked as data (this file) and their
// queries run on the real Prometheus (monitoring-prometheus.e2e-spec.ts).

const dataSourceRef = {
  type: 'object',
  required: ['type', 'uid'],
  properties: { type: { const: 'prometheus' }, uid: { type: 'string' } },
};

/** The part of Grafana's dashboard model (schemaVersion 39) these dashboards use. */
const dashboardSchema = {
  type: 'object',
  required: ['uid', 'title', 'schemaVersion', 'panels', 'templating', 'time'],
  properties: {
    uid: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' },
    title: { type: 'string', minLength: 1 },
    schemaVersion: { type: 'integer', minimum: 36 },
    time: { type: 'object', required: ['from', 'to'] },
    templating: {
      type: 'object',
      required: ['list'],
      properties: {
        list: {
          type: 'array',
          items: { type: 'object', required: ['name', 'type', 'datasource', 'query'], properties: { name: { type: 'string', pattern: '^\\w+$' }, datasource: dataSourceRef } },
        },
      },
    },
    panels: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'type', 'title', 'gridPos', 'datasource', 'targets'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          type: { enum: ['timeseries', 'stat', 'gauge', 'bargauge', 'table'] },
          title: { type: 'string', minLength: 1 },
          datasource: dataSourceRef,
          gridPos: {
            type: 'object',
            required: ['x', 'y', 'w', 'h'],
            properties: { x: { type: 'integer', minimum: 0, maximum: 23 }, y: { type: 'integer', minimum: 0 }, w: { type: 'integer', minimum: 1, maximum: 24 }, h: { type: 'integer', minimum: 1 } },
          },
          targets: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', required: ['refId', 'expr', 'datasource'], properties: { refId: { type: 'string', pattern: '^[A-Z]$' }, expr: { type: 'string', minLength: 1 }, datasource: dataSourceRef } },
          },
        },
      },
    },
  },
};

describe('Grafana dashboards (monitoring/grafana)', () => {
  const all = dashboards();
  const [source] = provisionedDataSources();

  it('provisions one Prometheus data source, the compose service, with a fixed uid', () => {
    expect(provisionedDataSources()).toHaveLength(1);
    expect(source).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090', uid: expect.stringMatching(/^[\w-]+$/) });
  });

  it('ships the chat traffic, wallet and node health dashboards, with unique uids', () => {
    expect(all.map(({ file }) => file)).toEqual(['chat-traffic.json', 'node-health.json', 'wallet.json']);
    expect(new Set(all.map(({ dashboard }) => dashboard.uid)).size).toBe(all.length);
  });

  it.each(dashboards().map(({ file, dashboard }) => [file, dashboard]))('%s follows the dashboard model', (_file, dashboard) => {
    const validate = new Ajv({ allErrors: true }).compile(dashboardSchema);
    expect(validate(dashboard) ? [] : validate.errors).toEqual([]);
  });

  it.each(dashboards().map(({ file, dashboard }) => [file, dashboard]))('%s: every panel and target reads the provisioned data source, panels fit the grid and do not overlap', (_file, dashboard) => {
    const refs = [
      ...dashboard.panels.flatMap((panel) => [panel.datasource, ...panel.targets.map((target) => target.datasource)]),
      ...dashboard.templating.list.map((variable) => variable.datasource),
    ];
    expect(refs.filter((ref) => ref?.uid !== source.uid)).toEqual([]);
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      expect(new Set(panel.targets.map((target) => target.refId)).size).toBe(panel.targets.length);
    }
    const cells = dashboard.panels.flatMap((panel) =>
      Array.from({ length: panel.gridPos.w * panel.gridPos.h }, (_, n) => `${panel.gridPos.x + (n % panel.gridPos.w)},${panel.gridPos.y + Math.floor(n / panel.gridPos.w)}`),
    );
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('uses only its own variables and Grafana\'s $__rate_interval in queries, and never a user or channel id label', () => {
    for (const { dashboard } of all) {
      const variables = Object.fromEntries(dashboard.templating.list.map((variable) => [variable.name, '.*']));
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          expect(() => asPrometheusQuery(target.expr, { ...variables, __rate_interval: '1m' })).not.toThrow();
          expect(target.expr).not.toMatch(/(user|channel|wallet)_?id/i);
        }
      }
    }
    expect(dashboardQueries().length).toBeGreaterThanOrEqual(30);
  });
});

describe('alert rules (monitoring/prometheus/alerts.yml)', () => {
  it('alerts on ack latency, consumer lag, error ratios, a node down, event-loop lag and failing reserved transfers, each with a severity, a summary and a waiting time', () => {
    const rules = alertRules();
    expect(rules.map((rule) => rule.alert).sort()).toEqual(
      ['ChatAckLatencyHigh', 'ChatConsumerLagGrowing', 'ChatSendErrorRatioHigh', 'EventLoopLagHigh', 'HttpErrorRatioHigh', 'NodeDown', 'ReservedTransfersFailing'].sort(),
    );
    for (const rule of rules) {
      expect(rule.labels?.severity).toMatch(/^(warning|critical)$/);
      expect(rule.annotations?.summary).toEqual(expect.any(String));
      expect(rule.for).toMatch(/^\d+m$/);
      expect(topLevelComparisons(rule.expr)).toHaveLength(1);
    }
  });

  it('finds the one comparison outside brackets and quotes, and makes it a bool one', () => {
    expect(withBoolComparison('up{job="a", x=~"b>c"} == 0')).toBe('up{job="a", x=~"b>c"} == bool 0');
    expect(withBoolComparison('(sum(rate(a{s=~"5.."}[5m])) or vector(0)) / sum(rate(a[5m])) > 0.05')).toBe('(sum(rate(a{s=~"5.."}[5m])) or vector(0)) / sum(rate(a[5m])) > bool 0.05');
    expect(topLevelComparisons('rate(x[5m] ) >= 1')).toEqual([{ index: 13, operator: '>=' }]);
    expect(() => withBoolComparison('a > 1 and b < 2')).toThrow('found 2');
    expect(() => withBoolComparison('sum(a > 1)')).toThrow('found 0');
  });
});
