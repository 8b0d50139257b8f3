import { DomainError } from '@webchat/platform/kernel';

/** A history page, search or read mark asked for with arguments out of their ranges (both cursors, a bad limit or seq). */
export class InvalidMessageQueryError extends DomainError {
  readonly kind = 'VALIDATION';
}
