import { RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitRules } from '../config/app-config';
import { RateLimitedError, RateLimiter, RateLimitName } from '../kernel';
import { LimiterSet, memoryLimiters } from './limiter-sets';

const REFUSALS: Record<RateLimitName, string> = {
  'login-failures-per-account': 'Too many failed logins for this account; try again later',
  'login-failures-per-address': 'Too many failed logins from this address; try again later',
  'channel-password-failures': 'Too many wrong passwords for this channel; try again later',
  'rest-requests-per-user': 'Too many requests; slow down',
};

/** RateLimiter on rate-limiter-flexible (in memory, or in a MySQL table shared by every node). */
export class FlexibleRateLimiter extends RateLimiter {
  constructor(private readonly limiters: LimiterSet) {
    super();
  }

  async ensureAvailable(limit: RateLimitName, key: string): Promise<void> {
    const limiter = this.limiters[limit];
    if (!limiter) return;
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= limiter.points) throw refusal(limit, state.msBeforeNext);
  }

  async consume(limit: RateLimitName, key: string): Promise<void> {
    const limiter = this.limiters[limit];
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (outcome) {
      // The library rejects with its result object when over the limit, with an Error when the store failed.
      if (outcome instanceof RateLimiterRes) throw refusal(limit, outcome.msBeforeNext);
      throw outcome;
    }
  }
}

/** The embedded mode's limiter (counts in this process); also what unit tests of use cases use. */
export function memoryRateLimiter(rules: RateLimitRules): RateLimiter {
  return new FlexibleRateLimiter(memoryLimiters(rules));
}

function refusal(limit: RateLimitName, msBeforeNext: number): RateLimitedError {
  return new RateLimitedError(REFUSALS[limit], Math.max(1, Math.ceil(msBeforeNext / 1000)));
}
