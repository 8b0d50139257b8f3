import { DomainError } from '@webchat/platform/kernel';

/** Also what a non-member gets for a private or direct channel, so its existence does not leak. */
export class ChannelNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor() {
    super('Channel not found');
  }
}

export class WrongChannelPasswordError extends DomainError {
  readonly kind = 'FORBIDDEN';
  constructor() {
    super('Wrong channel password');
  }
}

export class NotChannelMemberError extends DomainError {
  readonly kind = 'FORBIDDEN';
  override get code(): string {
    return 'NOT_MEMBER';
  }

  constructor() {
    super('You are not a member of this channel');
  }
}

/** A rule of channel shape was broken (password on a public channel, joining a direct channel, …). */
export class ChannelRuleError extends DomainError {
  readonly kind = 'VALIDATION';
}

export class UnknownUsersError extends DomainError {
  readonly kind = 'NOT_FOUND';
  constructor(readonly userIds: readonly string[]) {
    super(userIds.length === 1 ? `User not found: ${userIds[0]}` : `Users not found: ${userIds.join(', ')}`);
  }
}

export class ChannelHoldsMoneyError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor() {
    super('The last member cannot leave while a group wallet of the channel holds money');
  }
}
