import { DomainError, DomainErrorKind } from '../kernel';

/** The error codes a socket ack may carry (DESIGN §5). */
export type AckErrorCode = 'VALIDATION' | 'NOT_MEMBER' | 'NOT_FOUND' | 'FORBIDDEN' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'UNAUTHORIZED' | 'CONFLICT';

export interface AckError {
  readonly ok: false;
  readonly error: { readonly code: AckErrorCode; readonly message: string };
}

/** The one place where domain errors become socket ack codes (the HTTP table is domain-error-status.ts). */
const ACK_CODE_OF_KIND: Record<DomainErrorKind, AckErrorCode> = {
  VALIDATION: 'VALIDATION',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNPROCESSABLE: 'VALIDATION',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
};

const PRECISE_CODES: ReadonlySet<string> = new Set<AckErrorCode>(['NOT_MEMBER']);

/** A domain error as an ack; anything else is a fault the client only learns is temporary. */
export function errorAck(error: unknown): AckError {
  if (error instanceof DomainError) {
    const code = PRECISE_CODES.has(error.code) ? (error.code as AckErrorCode) : ACK_CODE_OF_KIND[error.kind];
    return { ok: false, error: { code, message: error.message } };
  }
  return { ok: false, error: { code: 'UNAVAILABLE', message: 'Something went wrong; try again' } };
}

export function validationAck(message: string): AckError {
  return { ok: false, error: { code: 'VALIDATION', message } };
}
