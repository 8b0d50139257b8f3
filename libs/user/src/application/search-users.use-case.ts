import { normalizeEmail } from '../domain/email';
import { UserSummary } from '../domain/user';
import { UserStore } from './ports/user-store.port';

export const USER_SEARCH_DEFAULT_LIMIT = 20;
export const USER_SEARCH_MAX_LIMIT = 20;

/**
 * Finds people to add or invite: users whose name starts with `q` (any case), or whose email is
 * exactly `q`. Only ids and names come back, so the search cannot be used to collect emails.
 */
export class SearchUsers {
  constructor(private readonly users: UserStore) {}

  execute(q: string, limit = USER_SEARCH_DEFAULT_LIMIT): Promise<UserSummary[]> {
    return this.users.search({ usernamePrefix: q.toLowerCase(), email: normalizeEmail(q), limit });
  }
}
