import { User, UserProfile } from '../../domain/user';

/** Where accounts are kept. */
export abstract class UserStore {
  /** Stores a new user; throws EmailAlreadyRegisteredError when the email is taken (atomically, by a unique key). */
  abstract add(user: User): Promise<void>;
  abstract findById(id: string): Promise<User | undefined>;
  /** The profile of an account, or undefined: one narrow read, made by every authenticated request (the token check). */
  abstract findProfile(id: string): Promise<UserProfile | undefined>;
  /** `email` must already be normalized. */
  abstract findByEmail(email: string): Promise<User | undefined>;
  /** The users of the given ids that exist, in no particular order. */
  abstract findManyByIds(ids: readonly string[]): Promise<User[]>;
}
