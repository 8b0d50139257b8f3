import { Clock, EventBus, PasswordHasher, TOKENS_REVOKED_TOPIC, TokensRevoked } from '@webchat/platform/kernel';
import { toProfile, UserProfile } from '../domain/user';
import { UserNotFoundError, WrongAccountPasswordError } from '../domain/user.errors';
import { UserStore } from './ports/user-store.port';

export interface UpdateAccountCommand {
  userId: string;
  /** The token of this request: a password change keeps it and ends every other one. */
  tokenId: string;
  username?: string;
  password?: string;
  /** Required with `password` (the adapter refuses its absence as a bad request). */
  currentPassword?: string;
}

/** PATCH /api/users/me: a new name, a new password (proven by the current one), or both. */
export class UpdateAccount {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateAccountCommand): Promise<UserProfile> {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    // Checked before anything changes, so a wrong password changes nothing (not even the name).
    if (command.password !== undefined && !(await this.hasher.verify(user.passwordHash, command.currentPassword ?? ''))) {
      throw new WrongAccountPasswordError();
    }
    if (command.username !== undefined) await this.users.rename(user.id, command.username);
    if (command.password !== undefined) {
      const passwordHash = await this.hasher.hash(command.password);
      const at = this.clock.now();
      await this.users.changePassword({ userId: user.id, passwordHash, keptTokenId: command.tokenId, at });
      const revoked: TokensRevoked = { userId: user.id, exceptTokenId: command.tokenId, issuedBeforeMs: at.getTime() };
      await this.bus.publish(TOKENS_REVOKED_TOPIC, revoked, user.id);
    }
    return toProfile({ ...user, username: command.username ?? user.username });
  }
}
