/** One-way password hashing (argon2id in production), for accounts, channels and wallets. */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /** False on a mismatch or an unreadable hash; never throws for a wrong password. */
  abstract verify(hash: string, password: string): Promise<boolean>;
}
