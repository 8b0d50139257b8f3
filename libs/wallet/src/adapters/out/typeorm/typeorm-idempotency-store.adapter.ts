import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, SqlTransactions } from '@webchat/platform';
import { DataSource, LessThan } from 'typeorm';
import {
  IdempotencyClaim,
  IdempotencyScope,
  IdempotencyStart,
  IdempotencyStore,
  StoredAnswer,
} from '../../../application/ports/idempotency-store.port';
import { completeClaim } from './idempotency-claims';
import { IdempotencyRecord } from './idempotency-record.record';

/** A claim with no answer after this long is taken to be from a node that died; a repeat may take it over. */
export const CLAIM_LEASE_MS = 60_000;

@Injectable()
export class TypeormIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
  ) {
    super();
  }

  async start(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<IdempotencyStart> {
    // Twice at most: the row that was in the way may be released (a 5xx) before it can be read.
    for (let attempt = 1; ; attempt += 1) {
      const claimed = await this.insertClaim(scope, fingerprint, now);
      if (claimed) return { kind: 'CLAIMED', claim: claimed };
      const existing = await this.dataSource.manager.findOneBy(IdempotencyRecord, { userId: scope.userId, route: scope.route, clientKey: scope.key });
      if (existing) return this.startOver(existing, fingerprint, now);
      if (attempt >= 2) return { kind: 'IN_PROGRESS' };
    }
  }

  async complete(claim: IdempotencyClaim, answer: StoredAnswer): Promise<boolean> {
    return this.transactions.run((manager) => completeClaim(manager, claim, answer));
  }

  async release(claim: IdempotencyClaim): Promise<void> {
    await this.transactions.run((manager) => manager.delete(IdempotencyRecord, { id: claim.id, token: claim.token, status: 'IN_PROGRESS' }));
  }

  async purgeClaimedBefore(cutoff: Date): Promise<number> {
    const result = await this.transactions.run((manager) => manager.delete(IdempotencyRecord, { createdAt: LessThan(cutoff) }));
    return result.affected ?? 0;
  }

  /** Inserts the IN_PROGRESS row; undefined when the scope has one already. */
  private async insertClaim(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<IdempotencyClaim | undefined> {
    const claim = { id: randomUUID(), token: randomUUID() };
    try {
      await this.transactions.run((manager) =>
        manager.insert(IdempotencyRecord, {
          id: claim.id,
          userId: scope.userId,
          route: scope.route,
          clientKey: scope.key,
          fingerprint,
          status: 'IN_PROGRESS',
          token: claim.token,
          responseStatus: null,
          responseBody: null,
          claimedAt: now,
          createdAt: now,
        }),
      );
      return claim;
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** What a repeat gets: the stored answer, 409 while the first runs, 422 for another body, or a stale claim taken over. */
  private startOver(existing: IdempotencyRecord, fingerprint: string, now: Date): Promise<IdempotencyStart> | IdempotencyStart {
    if (existing.fingerprint !== fingerprint) return { kind: 'OTHER_REQUEST' };
    if (existing.status === 'DONE') {
      return { kind: 'REPLAY', answer: { status: existing.responseStatus ?? 500, body: JSON.parse(existing.responseBody ?? 'null') } };
    }
    if (now.getTime() - existing.claimedAt.getTime() < CLAIM_LEASE_MS) return { kind: 'IN_PROGRESS' };
    return this.takeOver(existing, now);
  }

  /** A new token for a stale claim; only one of several repeats racing for it wins (the update is conditional). */
  private async takeOver(stale: IdempotencyRecord, now: Date): Promise<IdempotencyStart> {
    const token = randomUUID();
    const result = await this.transactions.run((manager) =>
      manager.update(IdempotencyRecord, { id: stale.id, token: stale.token, status: 'IN_PROGRESS' }, { token, claimedAt: now }),
    );
    return (result.affected ?? 0) === 1 ? { kind: 'CLAIMED', claim: { id: stale.id, token } } : { kind: 'IN_PROGRESS' };
  }
}
