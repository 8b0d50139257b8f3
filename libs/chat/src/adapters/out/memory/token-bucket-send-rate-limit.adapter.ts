import { Clock, RateLimitedError } from '@webchat/platform/kernel';
import { SendRateLimit } from '../../../application/ports/send-rate-limit.port';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per user, in this node's memory: `burst` sends at once, refilled at
 * `perSecond`. Per node on purpose: the hot path asks no shared store, and a user's
 * sockets rarely spread over many nodes. A full bucket is forgotten (it equals a new one).
 */
export class TokenBucketSendRateLimit extends SendRateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    super();
  }

  take(userId: string): void {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(userId, bucket);
      const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / this.perSecond);
      throw new RateLimitedError(`Too many messages: at most ${this.perSecond} per second, bursts of ${this.burst}`, retryAfterSeconds);
    }
    bucket.tokens -= 1;
    this.buckets.set(userId, bucket);
    if (++this.takes % 10_000 === 0) this.forgetFull(now);
  }

  private forgetFull(now: number): void {
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(userId);
    }
  }
}
