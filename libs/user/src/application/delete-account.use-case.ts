import { EventBus, PasswordHasher, TOKENS_REVOKED_TOPIC, TokensRevoked } from '@webchat/platform/kernel';
import { UserNotFoundError, WrongAccountPasswordError } from '../domain/user.errors';
import { AccountClosing } from './ports/account-closing.port';
import { UserStore } from './ports/user-store.port';

/**
 * DELETE /api/users/me. One transaction: the account row locked, every other library lets go of
 * the user (or refuses: money still held), the row deleted. Once the row is gone the token check
 * (one read of that row) refuses every token of the user on every node; the event then closes
 * their open sockets everywhere. Past messages keep their rows; readers show "deleted user".
 */
export class DeleteAccount {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly bus: EventBus,
    private readonly closing: AccountClosing,
  ) {}

  async execute(userId: string, password: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new UserNotFoundError();
    if (!(await this.hasher.verify(user.passwordHash, password))) throw new WrongAccountPasswordError();
    const announce = await this.users.delete(userId, () => this.closing.close(userId));
    if (!announce) throw new UserNotFoundError();
    await announce();
    await this.bus.publish<TokensRevoked>(TOKENS_REVOKED_TOPIC, { userId }, userId);
  }
}
