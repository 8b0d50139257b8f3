import { DomainError } from '@webchat/platform/kernel';

/** A message that breaks a rule of shape (text length, blank text, client id length). */
export class InvalidMessageError extends DomainError {
  readonly kind = 'VALIDATION';
}
