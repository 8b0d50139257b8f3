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
