import { User } from '../../domain/user';

/** Where accounts are kept. */
export abstract class UserStore {
  /** Stores a new user; throws EmailAlreadyRegisteredError when the email is taken (atomically, by a unique key). */
  abstract add(user: User): Promise<void>;
  abstract findById(id: string): Promise<User | undefined>;
  /** Whether an account has this id; cheaper than findById (every authenticated request asks). */
  abstract exists(id: string): Promise<boolean>;
  /** `email` must already be normalized. */
  abstract findByEmail(email: string): Promise<User | undefined>;
  /** The users of the given ids that exist, in no particular order. */
  abstract findManyByIds(ids: readonly string[]): Promise<User[]>;
}
