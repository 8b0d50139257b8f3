/** Counts of the push path (Prometheus in production). */
export abstract class PushMetrics {
  abstract sent(): void;
  /** The push service said the subscription is gone; it was removed. */
  abstract expired(): void;
  /** A send failed otherwise (refused, timed out, unreachable): counted and dropped, never retried. */
  abstract failed(reason: string): void;
  /** Messages folded into a notification already pending for the same user and channel. */
  abstract coalesced(count: number): void;
  /** Messages dropped because the queue of unexamined messages was full. */
  abstract dropped(count: number): void;
}
