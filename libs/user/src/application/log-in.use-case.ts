import { PasswordHasher, RateLimiter } from '@webchat/platform/kernel';
import { normalizeEmail } from '../domain/email';
import { toProfile, UserProfile } from '../domain/user';
import { InvalidCredentialsError } from '../domain/user.errors';
import { AccessTokenIssuer } from './ports/access-token-issuer.port';
import { UserStore } from './ports/user-store.port';

export interface LogInCommand {
  email: string;
  password: string;
  /** Where the attempt comes from (the client's IP address): failures are also limited per address. */
  clientAddress: string;
}

export interface LogInResult {
  accessToken: string;
  user: UserProfile;
}

export class LogIn {
  /** Lazily made hash checked for unknown emails, so both failures take about the same time. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenIssuer,
    private readonly limits: RateLimiter,
  ) {}

  /**
   * Failed attempts are counted per email (known or not) and per client address; past either
   * limit every attempt is refused (RateLimitedError) until the window ends, before any
   * password is checked, so guessing costs the attacker the window and the server no hashing.
   */
  async execute(command: LogInCommand): Promise<LogInResult> {
    const email = normalizeEmail(command.email);
    await Promise.all([
      this.limits.ensureAvailable('login-failures-per-account', email),
      this.limits.ensureAvailable('login-failures-per-address', command.clientAddress),
    ]);
    const user = await this.users.findByEmail(email);
    const matches = user
      ? await this.hasher.verify(user.passwordHash, command.password)
      : await this.verifyDecoy(command.password);
    if (!user || !matches) {
      await Promise.all([
        this.limits.consume('login-failures-per-account', email),
        this.limits.consume('login-failures-per-address', command.clientAddress),
      ]);
      throw new InvalidCredentialsError();
    }
    return { accessToken: this.tokens.issue(user.id), user: toProfile(user) };
  }

  private async verifyDecoy(password: string): Promise<false> {
    this.decoyHash ??= this.hasher.hash('decoy password for unknown emails');
    await this.hasher.verify(await this.decoyHash, password);
    return false;
  }
}
