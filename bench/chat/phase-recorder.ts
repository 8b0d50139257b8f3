import type { Histogram } from 'hdr-histogram-js';
import { addEncoded, latencyHistogram, LatencySummary, summarize } from './latency';
import type { Tick } from './protocol';

/** One second of a phase, for the plots. */
export interface SecondPoint {
  readonly second: number;
  readonly sent: number;
  readonly acked: number;
  readonly delivered: number;
  readonly rejected: number;
  readonly ack: LatencySummary;
  readonly delivery: LatencySummary;
}

export interface PhaseCounts {
  sent: number;
  acked: number;
  rejected: Record<string, number>;
  deliveredLive: number;
  expectedLive: number;
  duplicated: number;
  outOfOrder: number;
  disconnects: Record<string, number>;
  pendingAcks: number;
}

interface Bucket {
  sent: number;
  acked: number;
  delivered: number;
  rejected: number;
  readonly ack: Histogram;
  readonly delivery: Histogram;
}

/** Adds up the workers' ticks of one phase: totals, whole-phase histograms and per-second buckets. */
export class PhaseRecorder {
  readonly counts: PhaseCounts = { sent: 0, acked: 0, rejected: {}, deliveredLive: 0, expectedLive: 0, duplicated: 0, outOfOrder: 0, disconnects: {}, pendingAcks: 0 };
  readonly ack = latencyHistogram();
  readonly delivery = latencyHistogram();
  /** CPU time (ms) of each worker thread during the phase. */
  readonly workerCpuMs: number[] = [];
  private readonly buckets: Bucket[] = [];
  private readonly started = Date.now();

  add(tick: Tick): void {
    const counts = this.counts;
    counts.sent += tick.sent;
    counts.acked += tick.acked;
    counts.deliveredLive += tick.deliveredLive;
    counts.expectedLive += tick.expectedLive;
    counts.duplicated += tick.duplicated;
    counts.outOfOrder += tick.outOfOrder;
    if (tick.cpuMs !== undefined) this.workerCpuMs[tick.workerIndex] = (this.workerCpuMs[tick.workerIndex] ?? 0) + tick.cpuMs;
    for (const [reason, n] of Object.entries(tick.disconnects)) counts.disconnects[reason] = (counts.disconnects[reason] ?? 0) + n;
    let rejected = 0;
    for (const [code, n] of Object.entries(tick.rejected)) {
      counts.rejected[code] = (counts.rejected[code] ?? 0) + n;
      rejected += n;
    }
    const bucket = this.bucket(Math.floor((Date.now() - this.started) / 1000));
    bucket.sent += tick.sent;
    bucket.acked += tick.acked;
    bucket.delivered += tick.deliveredLive;
    bucket.rejected += rejected;
    addEncoded(bucket.ack, tick.ackHistogram);
    addEncoded(bucket.delivery, tick.deliveryHistogram);
    addEncoded(this.ack, tick.ackHistogram);
    addEncoded(this.delivery, tick.deliveryHistogram);
  }

  get elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  rejectedTotal(): number {
    return Object.values(this.counts.rejected).reduce((sum, n) => sum + n, 0);
  }

  /** The last complete second, for the progress line. */
  lastSecond(): SecondPoint | undefined {
    const second = Math.floor((Date.now() - this.started) / 1000) - 1;
    return second >= 0 && this.buckets[second] ? this.point(second) : undefined;
  }

  series(): SecondPoint[] {
    return this.buckets.map((_, second) => this.point(second));
  }

  private point(second: number): SecondPoint {
    const bucket = this.bucket(second);
    return { second, sent: bucket.sent, acked: bucket.acked, delivered: bucket.delivered, rejected: bucket.rejected, ack: summarize(bucket.ack), delivery: summarize(bucket.delivery) };
  }

  private bucket(second: number): Bucket {
    for (let n = this.buckets.length; n <= second; n += 1) this.buckets.push({ sent: 0, acked: 0, delivered: 0, rejected: 0, ack: latencyHistogram(), delivery: latencyHistogram() });
    return this.buckets[second];
  }
}
