/**
 * The Prometheus the monitoring tests run their queries on (PROMETHEUS_URL, written to
 * .infra/env by `npm run infra:up -- prometheus`, with PROMETHEUS_CONFIG, the file it reads,
 * and PROMTOOL_BIN), and whether the jest global setup found it answering. CI sets
 * WEBCHAT_REQUIRE_PROMETHEUS=1: then a Prometheus or promtool that is missing fails the run.
 */
export const PROMETHEUS_AVAILABLE_FLAG = 'WEBCHAT_PROMETHEUS_AVAILABLE';
export const REQUIRE_PROMETHEUS_FLAG = 'WEBCHAT_REQUIRE_PROMETHEUS';

export function prometheusUrl(): string | undefined {
  return process.env.PROMETHEUS_URL;
}

/** Undefined when Prometheus answers ready, else why not. */
export async function prometheusFailure(): Promise<string | undefined> {
  const url = prometheusUrl();
  if (!url) return 'PROMETHEUS_URL is not set';
  try {
    const answer = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(3000) });
    return answer.ok ? undefined : `/-/ready answered ${answer.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `describe` on the real Prometheus when it answers; a visible skip otherwise. */
export function describeOnPrometheus(name: string, body: () => void): void {
  if (process.env[PROMETHEUS_AVAILABLE_FLAG] === '1') {
    describe(`${name} [Prometheus at ${prometheusUrl()}]`, body);
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}": no Prometheus answered at ${prometheusUrl() ?? '(PROMETHEUS_URL unset)'}`);
  describe.skip(`${name} [prometheus: not reachable, skipped]`, body);
}
