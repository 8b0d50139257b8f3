import { Clock, IdGenerator, PasswordHasher } from '@webchat/platform/kernel';
import { normalizeEmail } from '../domain/email';
import { toProfile, User, UserProfile } from '../domain/user';
import { UserStore } from './ports/user-store.port';

export interface SignUpCommand {
  email: string;
  username: string;
  password: string;
}

export class SignUp {
  constructor(
    private readonly users: UserStore,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Throws EmailAlreadyRegisteredError when the email is taken, also under a concurrent sign-up. */
  async execute(command: SignUpCommand): Promise<UserProfile> {
    const user: User = {
      id: this.ids.next(),
      email: normalizeEmail(command.email),
      username: command.username.trim(),
      passwordHash: await this.hasher.hash(command.password),
      createdAt: this.clock.now(),
    };
    await this.users.add(user);
    return toProfile(user);
  }
}
