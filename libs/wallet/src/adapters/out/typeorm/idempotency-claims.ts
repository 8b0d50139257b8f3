import { EntityManager } from 'typeorm';
import { IdempotencyClaim, StoredAnswer } from '../../../application/ports/idempotency-store.port';
import { IdempotencyRecord } from './idempotency-record.record';

/**
 * Stores the answer of a claim that is still this attempt's (same token, still IN_PROGRESS);
 * false when another attempt took the claim over, so the caller must not commit its effect.
 */
export async function completeClaim(manager: EntityManager, claim: IdempotencyClaim, answer: StoredAnswer): Promise<boolean> {
  const result = await manager.update(
    IdempotencyRecord,
    { id: claim.id, token: claim.token, status: 'IN_PROGRESS' },
    { status: 'DONE', responseStatus: answer.status, responseBody: JSON.stringify(answer.body) },
  );
  return (result.affected ?? 0) === 1;
}
