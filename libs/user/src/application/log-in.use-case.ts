import { PasswordHasher } from '@webchat/platform/kernel';
import { normalizeEmail } from '../domain/email';
import { toProfile, UserProfile } from '../domain/user';
import { InvalidCredentialsError } from '../domain/user.errors';
import { AccessTokenIssuer } from './ports/access-token-issuer.port';
import { UserStore } from './ports/user-store.port';

export interface LogInCommand {
  email: string;
  password: string;
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
  ) {}

  async execute(command: LogInCommand): Promise<LogInResult> {
    const user = await this.users.findByEmail(normalizeEmail(command.email));
    if (!user) {
      this.decoyHash ??= this.hasher.hash('decoy password for unknown emails');
      await this.hasher.verify(await this.decoyHash, command.password);
      throw new InvalidCredentialsError();
    }
    if (!(await this.hasher.verify(user.passwordHash, command.password))) {
      throw new InvalidCredentialsError();
    }
    return { accessToken: this.tokens.issue(user.id), user: toProfile(user) };
  }
}
