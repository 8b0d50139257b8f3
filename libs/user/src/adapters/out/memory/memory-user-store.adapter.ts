import { UserStore } from '../../../application/ports/user-store.port';
import { HeldToken, PasswordChange, TokenRevocation } from '../../../domain/token-revocation';
import { toProfile, User, UserProfile, UserSearch, UserSummary } from '../../../domain/user';
import { EmailAlreadyRegisteredError } from '../../../domain/user.errors';

/** UserStore in a Map, for use-case unit tests; held to the same contract as the SQL store. */
export class MemoryUserStore extends UserStore {
  private readonly byId = new Map<string, User>();
  private readonly revokedUntil = new Map<string, Date>();
  private readonly voidBefore = new Map<string, { atMs: number; keptTokenId: string }>();

  async add(user: User): Promise<void> {
    if ([...this.byId.values()].some((existing) => existing.email === user.email)) {
      throw new EmailAlreadyRegisteredError();
    }
    this.byId.set(user.id, { ...user });
  }

  async findById(id: string): Promise<User | undefined> {
    return this.byId.get(id);
  }

  async findProfile(id: string): Promise<UserProfile | undefined> {
    const user = this.byId.get(id);
    return user && toProfile(user);
  }

  async findProfileHolding(id: string, token: HeldToken): Promise<UserProfile | undefined> {
    const user = this.byId.get(id);
    if (!user || this.revokedUntil.has(token.id)) return undefined;
    const cutoff = this.voidBefore.get(id);
    if (cutoff && token.issuedAtMs < cutoff.atMs && token.id !== cutoff.keptTokenId) return undefined;
    return toProfile(user);
  }

  async revokeToken(revocation: TokenRevocation, now: Date): Promise<void> {
    for (const [tokenId, until] of this.revokedUntil) if (until < now) this.revokedUntil.delete(tokenId);
    this.revokedUntil.set(revocation.tokenId, revocation.expiresAt);
  }

  async changePassword(change: PasswordChange): Promise<void> {
    const user = this.byId.get(change.userId);
    if (!user) return;
    this.byId.set(user.id, { ...user, passwordHash: change.passwordHash });
    this.voidBefore.set(user.id, { atMs: change.at.getTime(), keptTokenId: change.keptTokenId });
  }

  async delete<T>(userId: string, beforeDelete: () => Promise<T>): Promise<T | undefined> {
    if (!this.byId.has(userId)) return undefined;
    const result = await beforeDelete();
    this.byId.delete(userId);
    this.voidBefore.delete(userId);
    return result;
  }

  async search(search: UserSearch): Promise<UserSummary[]> {
    return [...this.byId.values()]
      .filter((user) => user.username.toLowerCase().startsWith(search.usernamePrefix) || user.email === search.email)
      .sort((a, b) => (a.username === b.username ? compare(a.id, b.id) : compare(a.username, b.username)))
      .slice(0, search.limit)
      .map((user) => ({ id: user.id, username: user.username }));
  }

  async rename(userId: string, username: string): Promise<void> {
    const user = this.byId.get(userId);
    if (user) this.byId.set(userId, { ...user, username });
  }

  async findByEmail(email: string): Promise<User | undefined> {
    return [...this.byId.values()].find((user) => user.email === email);
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    return [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? []);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
