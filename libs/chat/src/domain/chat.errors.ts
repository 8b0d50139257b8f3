import { DomainError } from '@webchat/platform/kernel';

/** A send to a channel the sender is not a member of (or that does not exist: no leak either way). */
export class NotChannelMemberError extends DomainError {
  readonly kind = 'FORBIDDEN';
  override get code(): string {
    return 'NOT_MEMBER';
  }

  constructor() {
    super('You are not a member of this channel');
  }
}

/** The message could not be made durable in time; a retry with the same clientMsgId is always safe. */
export class ChatUnavailableError extends DomainError {
  readonly kind = 'UNAVAILABLE';
  constructor(message = 'The message could not be stored in time; retry with the same clientMsgId') {
    super(message);
  }
}
