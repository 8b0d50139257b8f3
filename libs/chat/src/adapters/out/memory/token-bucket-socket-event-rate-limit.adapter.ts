import { Clock, RateLimitedError } from '@webchat/platform/kernel';
import { SocketEventRateLimit } from '../../../application/ports/socket-event-rate-limit.port';
import { TokenBuckets } from './token-buckets';

/** The other socket events of a user (typing, message:read): a token bucket in this node's memory (see TokenBuckets). */
export class TokenBucketSocketEventRateLimit extends SocketEventRateLimit {
  private readonly buckets: TokenBuckets;

  constructor(perSecond: number, burst: number, clock: Clock) {
    super();
    this.buckets = new TokenBuckets(perSecond, burst, clock);
  }

  take(userId: string): void {
    const retryAfterSeconds = this.buckets.take(userId);
    if (retryAfterSeconds > 0) {
      throw new RateLimitedError(`Too many events: at most ${this.buckets.perSecond} per second, bursts of ${this.buckets.burst}`, retryAfterSeconds);
    }
  }
}
