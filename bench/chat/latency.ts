import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, up to 10 minutes, 3 significant digits. */
const HIGHEST_US = 600_000_000;

export function latencyHistogram(): Histogram {
  return build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: false });
}

export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
}

export function encode(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram);
}

export function addEncoded(into: Histogram, encoded: string): void {
  const decoded = decodeFromCompressedBase64(encoded, 32);
  into.add(decoded);
  decoded.destroy();
}

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

export function summarize(histogram: Histogram): LatencySummary {
  const ms = (us: number) => Math.round(us) / 1000;
  if (histogram.totalCount === 0) return { count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0, meanMs: 0 };
  return {
    count: histogram.totalCount,
    p50Ms: ms(histogram.getValueAtPercentile(50)),
    p95Ms: ms(histogram.getValueAtPercentile(95)),
    p99Ms: ms(histogram.getValueAtPercentile(99)),
    maxMs: ms(histogram.maxValue),
    meanMs: ms(histogram.mean),
  };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across worker threads of one process. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
