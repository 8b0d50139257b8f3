import { normalizeEmail } from '../domain/email';
import { toProfile, UserProfile } from '../domain/user';
import { UserStore } from './ports/user-store.port';

/** Looks accounts up for other libraries (contacts, channels): profiles only, never hashes. */
export class FindUsers {
  constructor(private readonly users: UserStore) {}

  async byEmail(email: string): Promise<UserProfile | undefined> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    return user && toProfile(user);
  }

  /** The profiles of the ids that exist, in no particular order. */
  async byIds(ids: readonly string[]): Promise<UserProfile[]> {
    return (await this.users.findManyByIds(ids)).map(toProfile);
  }
}
