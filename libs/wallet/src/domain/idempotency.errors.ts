import { DomainError } from '@webchat/platform/kernel';

export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'UNPROCESSABLE';
  constructor() {
    super('This Idempotency-Key was used with another request');
  }
}

/** The first request of the key is still running (or its claim was just taken over by a retry). */
export class IdempotencyInProgressError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('A request with this Idempotency-Key is still in progress');
  }
}
