import { DomainError } from '@webchat/platform/kernel';

export class InvalidPushSubscriptionError extends DomainError {
  readonly kind = 'VALIDATION';
}

export class PushSubscriptionNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';

  constructor() {
    super('No push subscription of mine has that endpoint');
  }
}
