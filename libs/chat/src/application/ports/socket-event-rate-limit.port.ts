/**
 * The per-user limit of the socket events other than `message:send` (typing, message:read), so
 * one client cannot flood its channels' typing notices or the read-mark writes; throws
 * RateLimitedError when spent (the ack is RATE_LIMITED).
 */
export abstract class SocketEventRateLimit {
  abstract take(userId: string): void;
}
