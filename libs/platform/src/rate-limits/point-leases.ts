import { RateLimiterRes } from 'rate-limiter-flexible';

/** The part of a rate-limiter-flexible limiter that FlexibleRateLimiter uses. */
export interface PointCounter {
  readonly points: number;
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  get(key: string): Promise<RateLimiterRes | null>;
}

interface Lease {
  remaining: number;
  /** The store refused this key's last lease: refuse locally until the window ends. */
  readonly refused: boolean;
  /** When the shared window the points came from ends. */
  readonly endsAt: number;
}

/** At most this many points per lease: a node strands at most LEASE_CAP - 1 points of a key per window. */
export const LEASE_CAP = 10;

/** Lease size for a limit: 2% of it, from 1 (exact, for small limits) to LEASE_CAP. */
export function leaseSizeFor(points: number): number {
  return Math.min(LEASE_CAP, Math.max(1, Math.floor(points / 50)));
}

/**
 * Spends a shared counter's points locally, taken `leaseSize` at a time: one round trip to the
 * shared store per lease instead of one per request (on MySQL that upsert is a transaction on
 * a row every request of the user would queue on). Never admits more than the shared limit,
 * since points are taken before they are spent; it may refuse a little early instead: a lease
 * that no longer fits is refused whole, and a node's unspent points are lost when the window
 * ends (at most leaseSize - 1 per node and key).
 */
export class PointLeases implements PointCounter {
  private readonly leases = new Map<string, Lease>();
  private readonly leasing = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: PointCounter,
    private readonly leaseSize: number,
  ) {}

  get points(): number {
    return this.shared.points;
  }

  get(key: string): Promise<RateLimiterRes | null> {
    return this.shared.get(key);
  }

  async consume(key: string): Promise<RateLimiterRes> {
    for (;;) {
      const lease = this.leases.get(key);
      const msLeft = lease ? lease.endsAt - Date.now() : 0;
      if (lease && msLeft > 0 && lease.refused) throw new RateLimiterRes(0, msLeft, this.points + 1);
      if (lease && msLeft > 0 && lease.remaining > 0) {
        lease.remaining -= 1;
        return new RateLimiterRes(lease.remaining, msLeft);
      }
      // One lease request per key at a time; the others wait for it and look again.
      const inFlight = this.leasing.get(key) ?? this.takeLease(key);
      await inFlight;
    }
  }

  private takeLease(key: string): Promise<void> {
    const taking = this.shared
      .consume(key, this.leaseSize)
      .then(
        (granted) => this.keep(key, { remaining: this.leaseSize, refused: false }, granted.msBeforeNext),
        (refusal: unknown) => {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          this.keep(key, { remaining: 0, refused: true }, refusal.msBeforeNext);
        },
      )
      .finally(() => this.leasing.delete(key));
    this.leasing.set(key, taking);
    return taking;
  }

  private keep(key: string, lease: Omit<Lease, 'endsAt'>, msBeforeNext: number): void {
    // A window without an end (msBeforeNext -1) does not occur here: every limit has a window.
    const ms = Math.max(msBeforeNext, 1);
    this.leases.set(key, { ...lease, endsAt: Date.now() + ms });
    setTimeout(() => {
      if ((this.leases.get(key)?.endsAt ?? Infinity) <= Date.now()) this.leases.delete(key);
    }, ms + 1).unref();
  }
}
