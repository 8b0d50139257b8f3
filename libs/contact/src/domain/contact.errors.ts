import { DomainError } from '@webchat/platform/kernel';

export class CannotAddYourselfError extends DomainError {
  readonly kind = 'VALIDATION';
  constructor() {
    super('You cannot add yourself as a contact');
  }
}

export class UnknownContactEmailError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('No user has that email');
  }
}

export class AlreadyAContactError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('That user is already in your contacts');
  }
}

export class NotAContactError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('That user is not in your contacts');
  }
}
