import { DomainError } from '@webchat/platform/kernel';

export class EmailAlreadyRegisteredError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('Email is already registered');
  }
}

/** The same message whether the email or the password was wrong, so accounts cannot be probed. */
export class InvalidCredentialsError extends DomainError {
  readonly kind = 'UNAUTHORIZED';
  constructor() {
    super('Invalid email or password');
  }
}

export class UserNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('User not found');
  }
}

/** The account's current password, given to change it or to delete the account, is wrong. */
export class WrongAccountPasswordError extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor() {
    super('Wrong password');
  }
}
