import { Clock } from '@webchat/platform/kernel';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key, in this node's memory: `burst` events at once, refilled at
 * `perSecond`. Per node on purpose: the hot path asks no shared store, and a user's
 * sockets rarely spread over many nodes. A full bucket is forgotten (it equals a new one).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly clock: Clock,
  ) {}

  /** Takes one token of `key`: 0 when there was one, else the whole seconds until there is. */
  take(key: string): number {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
    bucket.tokens -= 1;
    if (++this.takes % 10_000 === 0) this.forgetFull(now);
    return 0;
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
