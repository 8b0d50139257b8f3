/** The per-user token bucket of `message:send` (DESIGN §5 Rate limits); throws RateLimitedError when empty. */
export abstract class SendRateLimit {
  abstract take(userId: string): void;
}
