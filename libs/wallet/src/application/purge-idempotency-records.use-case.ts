import { Clock } from '@webchat/platform/kernel';
import { IdempotencyStore } from './ports/idempotency-store.port';

/** Answers are replayed for at least 24 h (DESIGN §5); they are kept twice that, then go. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 3_600_000;

export class PurgeIdempotencyRecords {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<number> {
    return this.store.purgeClaimedBefore(new Date(this.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS));
  }
}
