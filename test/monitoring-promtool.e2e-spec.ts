import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describeWithTool } from './support/describe-with-tool';
import { alertRules, PROMETHEUS_DIR, readYaml } from './support/monitoring-files';
import { REQUIRE_PROMETHEUS_FLAG } from './support/prometheus-target';

interface RuleTestFile {
  rule_files: string[];
  tests: { name: string; alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[];
}

const promtool = { name: 'promtool', binary: process.env.PROMTOOL_BIN ?? 'promtool', requireFlag: REQUIRE_PROMETHEUS_FLAG };

function runPromtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(promtool.binary, args, { cwd: PROMETHEUS_DIR, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describeWithTool(promtool, 'Prometheus files checked by promtool', () => {
  it('promtool check config accepts monitoring/prometheus/prometheus.yml and finds its rule file', () => {
    const check = runPromtool('check', 'config', 'prometheus.yml');
    expect(check).toMatchObject({ status: 0 });
    expect(check.output).toContain('SUCCESS: 1 rule files found');
  });

  it('promtool check rules accepts every alert rule', () => {
    const check = runPromtool('check', 'rules', 'alerts.yml');
    expect(check).toMatchObject({ status: 0 });
    expect(check.output).toContain(`SUCCESS: ${alertRules().length} rules found`);
  });

  it('promtool test rules passes the unit tests of the alerts', () => {
    const run = runPromtool('test', 'rules', 'alerts.test.yml');
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('unit-tests every alert both ways: a series that fires it and one that does not', () => {
    const file = readYaml<RuleTestFile>(join(PROMETHEUS_DIR, 'alerts.test.yml'));
    expect(file.rule_files).toEqual(['alerts.yml']);
    const cases = file.tests.flatMap((test) => test.alert_rule_test);
    const untested = alertRules()
      .map((rule) => rule.alert)
      .flatMap((alert) => [
        ...(cases.some((c) => c.alertname === alert && c.exp_alerts.length > 0) ? [] : [`${alert}: no case where it fires`]),
        ...(cases.some((c) => c.alertname === alert && c.exp_alerts.length === 0) ? [] : [`${alert}: no case where it stays silent`]),
      ]);
    expect(untested).toEqual([]);
  });

  it('fails a unit test that expects NodeDown on a node that answers (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webchat-promtool-'));
    try {
      const wrong = {
        rule_files: [join(PROMETHEUS_DIR, 'alerts.yml')],
        tests: [
          {
            interval: '1m',
            input_series: [{ series: 'up{job="webchat", instance="a:3000"}', values: '1x10' }],
            alert_rule_test: [{ eval_time: '5m', alertname: 'NodeDown', exp_alerts: [{ exp_labels: { severity: 'critical', job: 'webchat', instance: 'a:3000' } }] }],
          },
        ],
      };
      writeFileSync(join(dir, 'wrong.test.yml'), stringify(wrong));
      const run = runPromtool('test', 'rules', join(dir, 'wrong.test.yml'));
      expect(run.output).toContain('FAILED');
      expect(run.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
