import { DomainError } from './domain-error';

/** The limits the server enforces; their sizes come from configuration (a limit may be switched off). */
export type RateLimitName =
  | 'login-failures-per-account'
  | 'login-failures-per-address'
  | 'channel-password-failures'
  | 'rest-requests-per-user';

/** Refused by a rate limit; `retryAfterSeconds` is when the caller may try again (HTTP Retry-After). */
export class RateLimitedError extends DomainError {
  readonly kind = 'RATE_LIMITED';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Counts events per key (failed logins of an email, requests of a user, …) in fixed windows
 * and refuses them past a limit. Counts are shared by every server node when the store is
 * shared (MySQL), and kept in the process in the embedded mode.
 */
export abstract class RateLimiter {
  /** Throws RateLimitedError if `key` has used up `limit` in its current window; counts nothing. */
  abstract ensureAvailable(limit: RateLimitName, key: string): Promise<void>;
  /** Counts one event of `key`; throws RateLimitedError when that goes past the limit. */
  abstract consume(limit: RateLimitName, key: string): Promise<void>;
}
