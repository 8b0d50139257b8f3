import { readFileSync, writeFileSync } from 'node:fs';

/** The few calls of Prometheus' HTTP API the monitoring tests make. */
export class PrometheusApi {
  constructor(private readonly url: string) {}

  /** An instant query: the series it answers (an empty list is "no data"). */
  async query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const answer = await fetch(`${this.url}/api/v1/query?${new URLSearchParams({ query: expr })}`);
    const body = (await answer.json()) as { status: string; error?: string; data?: { resultType: string; result: unknown } };
    if (body.status !== 'success') throw new Error(`Prometheus refused ${expr}: ${body.error}`);
    const { resultType, result } = body.data ?? {};
    if (resultType === 'scalar') return [{ metric: {}, value: result as [number, string] }];
    return result as { metric: Record<string, string>; value: [number, string] }[];
  }

  /** The label sets of every series the selector matches (stored ones, not only current). */
  async series(selector: string): Promise<Record<string, string>[]> {
    const answer = await fetch(`${this.url}/api/v1/series?${new URLSearchParams({ 'match[]': selector })}`);
    return ((await answer.json()) as { data: Record<string, string>[] }).data;
  }

  async activeTargets(): Promise<{ scrapePool: string; scrapeUrl: string; health: string; lastError: string }[]> {
    const answer = await fetch(`${this.url}/api/v1/targets?state=active`);
    return ((await answer.json()) as { data: { activeTargets: [] } }).data.activeTargets;
  }

  async alertRuleNames(): Promise<string[]> {
    const answer = await fetch(`${this.url}/api/v1/rules?type=alert`);
    const body = (await answer.json()) as { data: { groups: { rules: { name: string }[] }[] } };
    return body.data.groups.flatMap((group) => group.rules.map((rule) => rule.name));
  }

  /** Makes Prometheus read its config file again (it runs with --web.enable-lifecycle). */
  async reload(): Promise<void> {
    const answer = await fetch(`${this.url}/-/reload`, { method: 'POST' });
    if (!answer.ok) throw new Error(`Prometheus did not take its config: ${answer.status} ${await answer.text()}`);
  }

  /**
   * Replaces the config file Prometheus reads (PROMETHEUS_CONFIG) and reloads it; the
   * returned function puts the file as it was back and reloads again.
   */
  async swapConfig(file: string, text: string): Promise<() => Promise<void>> {
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, text);
    try {
      await this.reload();
    } catch (error) {
      writeFileSync(file, original);
      await this.reload();
      throw error;
    }
    return async () => {
      writeFileSync(file, original);
      await this.reload();
    };
  }
}
