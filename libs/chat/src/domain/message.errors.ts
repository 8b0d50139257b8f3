import { DomainError } from '@webchat/platform/kernel';

/** A message that breaks a rule of shape (text length, blank text, client id length). */
export class InvalidMessageError extends DomainError {
  readonly kind = 'VALIDATION';
}

/** An edit or delete of a message that is not in the channel (unknown id), or, for an edit, one already deleted. */
export class MessageNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('No such message in this channel');
  }
}

/** An edit of someone else's or a SYSTEM message, or a delete the requester may not make. */
export class MessageChangeForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
  }
}
