import { Clock, RateLimitedError } from '@webchat/platform/kernel';
import { SendRateLimit } from '../../../application/ports/send-rate-limit.port';
import { TokenBuckets } from './token-buckets';

/** `message:send` per user: a token bucket in this node's memory (see TokenBuckets). */
export class TokenBucketSendRateLimit extends SendRateLimit {
  private readonly buckets: TokenBuckets;

  constructor(perSecond: number, burst: number, clock: Clock) {
    super();
    this.buckets = new TokenBuckets(perSecond, burst, clock);
  }

  take(userId: string): void {
    const retryAfterSeconds = this.buckets.take(userId);
    if (retryAfterSeconds > 0) {
      throw new RateLimitedError(`Too many messages: at most ${this.buckets.perSecond} per second, bursts of ${this.buckets.burst}`, retryAfterSeconds);
    }
  }
}
