import { Clock, EventBus, TOKENS_REVOKED_TOPIC, TokensRevoked } from '@webchat/platform/kernel';
import { UserStore } from './ports/user-store.port';

export interface LogOutCommand {
  userId: string;
  tokenId: string;
  tokenExpiresAt: Date;
}

/** Ends one token: refused from now on by every node (stored), its open sockets closed (announced). */
export class LogOut {
  constructor(
    private readonly users: UserStore,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogOutCommand): Promise<void> {
    await this.users.revokeToken({ tokenId: command.tokenId, userId: command.userId, expiresAt: command.tokenExpiresAt }, this.clock.now());
    await this.bus.publish<TokensRevoked>(TOKENS_REVOKED_TOPIC, { userId: command.userId, tokenId: command.tokenId }, command.userId);
  }
}
