/** One Idempotency-Key of one user on one route. */
export interface IdempotencyScope {
  readonly userId: string;
  readonly route: string;
  readonly key: string;
}

/** The right to run the request of a key: `token` tells this attempt from a later take-over. */
export interface IdempotencyClaim {
  readonly id: string;
  readonly token: string;
}

/** The answer kept for replays: HTTP status and JSON body. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Lets a money move record its answer in its own transaction (so a 2xx and its key commit together). */
export interface MoveReceipt<T> {
  readonly claim: IdempotencyClaim;
  answer(result: T): StoredAnswer;
}

export type IdempotencyStart =
  | { readonly kind: 'CLAIMED'; readonly claim: IdempotencyClaim }
  | { readonly kind: 'REPLAY'; readonly answer: StoredAnswer }
  | { readonly kind: 'IN_PROGRESS' }
  | { readonly kind: 'OTHER_REQUEST' };

/**
 * Idempotency records: a row per scope, inserted IN_PROGRESS under a unique key before the
 * request runs, so concurrent repeats on any node see it. A claim older than the lease (its
 * node died before answering) may be taken over; a money move commits only under the claim's
 * current token, so the first attempt and a take-over can never both take effect.
 */
export abstract class IdempotencyStore {
  abstract start(scope: IdempotencyScope, fingerprint: string, now: Date): Promise<IdempotencyStart>;
  /** Records a non-2xx answer; false if the claim was taken over. */
  abstract complete(claim: IdempotencyClaim, answer: StoredAnswer): Promise<boolean>;
  /** Forgets a claim that has no answer to keep (a 5xx): the client may retry with the same key. */
  abstract release(claim: IdempotencyClaim): Promise<void>;
  /** Deletes the records first claimed before `cutoff` (answered or abandoned); resolves how many. */
  abstract purgeClaimedBefore(cutoff: Date): Promise<number>;
}
