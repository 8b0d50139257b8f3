import { UserStore } from '../../../application/ports/user-store.port';
import { toProfile, User, UserProfile } from '../../../domain/user';
import { EmailAlreadyRegisteredError } from '../../../domain/user.errors';

/** UserStore in a Map, for use-case unit tests; held to the same contract as the SQL store. */
export class MemoryUserStore extends UserStore {
  private readonly byId = new Map<string, User>();

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

  async findByEmail(email: string): Promise<User | undefined> {
    return [...this.byId.values()].find((user) => user.email === email);
  }

  async findManyByIds(ids: readonly string[]): Promise<User[]> {
    return [...new Set(ids)].flatMap((id) => this.byId.get(id) ?? []);
  }
}
