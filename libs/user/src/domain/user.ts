/** A registered account. The password is only ever held as a hash. */
export interface User {
  readonly id: string;
  /** Trimmed and lower-cased; unique. */
  readonly email: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

/** What others may see of a user's account: never the hash. */
export interface UserProfile {
  readonly id: string;
  readonly email: string;
  readonly username: string;
}

export function toProfile(user: User): UserProfile {
  return { id: user.id, email: user.email, username: user.username };
}

/** What a user search shows of an account: never the email. */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
}

/** A user search: names starting with `usernamePrefix` (already lower-cased) or exactly this (normalized) email. */
export interface UserSearch {
  readonly usernamePrefix: string;
  readonly email: string;
  readonly limit: number;
}
