import { Clock, RateLimitedError } from '@webchat/platform/kernel';
import { SendRateLimit } from '../../../application/ports/send-rate-limit.port';
import { SocketEventRateLimit } from '../../../application/ports/socket-event-rate-limit.port';
import { TokenBuckets } from './token-buckets';

/**
 * A per-user limit as a token bucket in this node's memory (see TokenBuckets): the one adapter of
 * both socket limits, `message:send` (`what`: messages) and the other events (`what`: events).
 */
export class TokenBucketRateLimit implements SendRateLimit, SocketEventRateLimit {
  private readonly buckets: TokenBuckets;

  constructor(
    perSecond: number,
    burst: number,
    clock: Clock,
    private readonly what: string,
  ) {
    this.buckets = new TokenBuckets(perSecond, burst, clock);
  }

  take(userId: string): void {
    const retryAfterSeconds = this.buckets.take(userId);
    if (retryAfterSeconds > 0) {
      throw new RateLimitedError(`Too many ${this.what}: at most ${this.buckets.perSecond} per second, bursts of ${this.buckets.burst}`, retryAfterSeconds);
    }
  }
}
