import { DomainError } from '@webchat/platform/kernel';

/** Also what a wallet answers to those who may not see it, so its existence does not leak. */
export class WalletNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('Wallet not found');
  }
}

export class WalletForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
}

export class WrongWalletPasswordError extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor() {
    super('Wrong wallet password');
  }
}

export class InsufficientFundsError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('Insufficient funds');
  }
}

export class InvalidAmountError extends DomainError {
  readonly kind = 'VALIDATION';
}

export class SameWalletError extends DomainError {
  readonly kind = 'VALIDATION';
  constructor() {
    super('fromWalletId and toWalletId must differ');
  }
}

export class PersonalWalletExistsError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('You already have a personal wallet');
  }
}

/** The channel is unknown, or the user is not a member (the same answer, so private channels do not leak). */
export class WalletChannelNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('Channel not found');
  }
}

/** The wallet rows stayed locked by others (deadlock or lock timeout) past the retries; nothing was written. */
/** An account may not be deleted while it holds money (DELETE /api/users/me: 409, nothing changed). */
export class AccountHoldsMoneyError extends DomainError {
  readonly kind = 'CONFLICT';
}

export class WalletBusyError extends DomainError {
  readonly kind = 'UNAVAILABLE';
  constructor() {
    super('Wallets are busy, try again');
  }
}

export class ReservedTransferRuleError extends DomainError {
  readonly kind = 'VALIDATION';
}

export class ReservedTransferNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('Reserved transfer not found');
  }
}

export class ReservedTransferNotCancellableError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('Only a SCHEDULED transfer can be cancelled');
  }
}
