import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The repository's monitoring/ folder (Prometheus config, alert rules, Grafana provisioning and dashboards). */
export const MONITORING_DIR = resolve(__dirname, '../../monitoring');
export const PROMETHEUS_DIR = join(MONITORING_DIR, 'prometheus');
export const DASHBOARDS_DIR = join(MONITORING_DIR, 'grafana', 'dashboards');
export const PROVISIONING_DIR = join(MONITORING_DIR, 'grafana', 'provisioning');

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface DashboardTarget {
  refId: string;
  expr: string;
  datasource?: { type?: string; uid?: string };
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type?: string; uid?: string };
  targets: DashboardTarget[];
}

export interface DashboardVariable {
  name: string;
  type: string;
  datasource?: { type?: string; uid?: string };
  query?: { query: string } | string;
}

export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: DashboardPanel[];
  templating: { list: DashboardVariable[] };
}

/** One PromQL expression and where it came from, for messages that name it. */
export interface PromQuery {
  where: string;
  expr: string;
}

export function readYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

export function alertRules(): AlertRule[] {
  const file = readYaml<{ groups: { name: string; rules: AlertRule[] }[] }>(join(PROMETHEUS_DIR, 'alerts.yml'));
  return file.groups.flatMap((group) => group.rules);
}

export function dashboards(): { file: string; dashboard: Dashboard }[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as Dashboard }));
}

export function provisionedDataSources(): { name: string; uid: string; type: string; url: string }[] {
  return readYaml<{ datasources: { name: string; uid: string; type: string; url: string }[] }>(join(PROVISIONING_DIR, 'datasources', 'prometheus.yml')).datasources;
}

/** Every panel target's expression of every dashboard, and the selector under each query variable. */
export function dashboardQueries(): PromQuery[] {
  return dashboards().flatMap(({ file, dashboard }) => [
    ...dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ where: `${file} "${panel.title}" ${target.refId}`, expr: target.expr }))),
    ...dashboard.templating.list.filter((variable) => variable.type === 'query').map((variable) => ({ where: `${file} variable $${variable.name}`, expr: variableSelector(variable) })),
  ]);
}

/** `label_values(up{job="webchat"}, instance)` is Grafana's; the PromQL under it is `up{job="webchat"}`. */
function variableSelector(variable: DashboardVariable): string {
  const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
  const match = /^label_values\((.+),\s*\w+\)$/.exec(query.trim());
  if (!match) throw new Error(`variable $${variable.name}: only label_values(<selector>, <label>) is understood, got ${query}`);
  return match[1];
}

/**
 * A dashboard expression as Prometheus would get it from Grafana: its variables replaced
 * (`$instance` → every node, `$__rate_interval` → a window that holds several scrapes).
 */
export function asPrometheusQuery(expr: string, values: Record<string, string>): string {
  const replaced = expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`no value for Grafana variable $${name} in ${expr}`);
    return values[name];
  });
  return replaced;
}

const COMPARISONS = ['==', '!=', '>=', '<=', '>', '<'];

/**
 * Where the comparisons outside any brackets or quotes are (an alert compares one quantity
 * with its threshold once; `=~` and `!~` only occur inside label matchers).
 */
export function topLevelComparisons(expr: string): { index: number; operator: string }[] {
  const found: { index: number; operator: string }[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < expr.length; index += 1) {
    const char = expr[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (depth === 0) {
      const operator = COMPARISONS.find((candidate) => expr.startsWith(candidate, index));
      if (operator && !expr.startsWith('=~', index) && !expr.startsWith('!~', index)) {
        found.push({ index, operator });
        index += operator.length - 1;
      }
    }
  }
  return found;
}

/**
 * The alert's expression with its one comparison made a `bool` one: it answers 0 or 1 for
 * every series the compared quantity has, so it has data exactly when the quantity has.
 */
export function withBoolComparison(expr: string): string {
  const comparisons = topLevelComparisons(expr);
  if (comparisons.length !== 1) throw new Error(`expected one top-level comparison in ${expr}, found ${comparisons.length}`);
  const { index, operator } = comparisons[0];
  const after = index + operator.length;
  return `${expr.slice(0, after)} bool${expr.slice(after)}`;
}
