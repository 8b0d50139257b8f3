import { HeldToken, PasswordChange, TokenRevocation } from '../../domain/token-revocation';
import { User, UserProfile, UserSearch, UserSummary } from '../../domain/user';

/** Where accounts are kept. */
export abstract class UserStore {
  /** Stores a new user; throws EmailAlreadyRegisteredError when the email is taken (atomically, by a unique key). */
  abstract add(user: User): Promise<void>;
  abstract findById(id: string): Promise<User | undefined>;
  /** The profile of an account, or undefined. */
  abstract findProfile(id: string): Promise<UserProfile | undefined>;
  /**
   * The profile of the account, or undefined when there is none or `token` is revoked (logged
   * out, or issued before a password change and not the token kept by it): one narrow read,
   * made by every authenticated request (the token check).
   */
  abstract findProfileHolding(id: string, token: HeldToken): Promise<UserProfile | undefined>;
  /** `email` must already be normalized. */
  abstract findByEmail(email: string): Promise<User | undefined>;
  /** The users of the given ids that exist, in no particular order. */
  abstract findManyByIds(ids: readonly string[]): Promise<User[]>;
  /** Refuses the token from now on (a repeat changes nothing); also forgets revocations expired before `now`. */
  abstract revokeToken(revocation: TokenRevocation, now: Date): Promise<void>;
  /** Stores the new hash and voids every token of the user issued before `change.at` but `change.keptTokenId`. */
  abstract changePassword(change: PasswordChange): Promise<void>;
  abstract rename(userId: string, username: string): Promise<void>;
  /**
   * In one transaction: locks the account row, runs `beforeDelete` (what it throws undoes it all),
   * deletes the row (its token revocations expire as usual; with no row no token passes). Resolves
   * what `beforeDelete` resolved, or undefined when there was no such account. The email is free again.
   */
  abstract delete<T>(userId: string, beforeDelete: () => Promise<T>): Promise<T | undefined>;
  /**
   * Users whose lower-cased name starts with `search.usernamePrefix` (taken literally: `%` and
   * `_` are no wildcards) or whose email equals `search.email`, by name then id, at most `limit`.
   */
  abstract search(search: UserSearch): Promise<UserSummary[]>;
}
