import { Argon2PasswordHasher, loadConfig, memoryRateLimiter, SystemClock, UuidGenerator } from '@webchat/platform';
import { PasswordHasher, RateLimitedError } from '@webchat/platform/kernel';
import { MemoryUserStore } from '../adapters/out/memory/memory-user-store.adapter';
import { EmailAlreadyRegisteredError, InvalidCredentialsError, UserNotFoundError } from '../domain/user.errors';
import { FindUsers } from './find-users.use-case';
import { GetProfile } from './get-profile.use-case';
import { LogIn } from './log-in.use-case';
import { AccessTokenIssuer } from './ports/access-token-issuer.port';
import { SignUp } from './sign-up.use-case';

/** Counts the password checks, to show a refused attempt never reaches the hasher. */
class CountingHasher extends PasswordHasher {
  verified = 0;
  constructor(private readonly real: PasswordHasher) {
    super();
  }
  hash(password: string): Promise<string> {
    return this.real.hash(password);
  }
  verify(hash: string, password: string): Promise<boolean> {
    this.verified += 1;
    return this.real.verify(hash, password);
  }
}

const FROM = '203.0.113.7';

class TokenPerUser extends AccessTokenIssuer {
  issue(userId: string): string {
    return `token-of-${userId}`;
  }
}

describe('user use cases', () => {
  const config = loadConfig({
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '3',
    RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '5',
  });
  let hasher: CountingHasher;
  let users: MemoryUserStore;
  let signUp: SignUp;
  let logIn: LogIn;

  beforeEach(() => {
    hasher = new CountingHasher(new Argon2PasswordHasher(config));
    users = new MemoryUserStore();
    signUp = new SignUp(users, hasher, new UuidGenerator(), new SystemClock());
    logIn = new LogIn(users, hasher, new TokenPerUser(), memoryRateLimiter(config.rateLimits));
  });

  it('signs up with a normalized email, a trimmed username and an argon2id hash', async () => {
    const profile = await signUp.execute({ email: '  Mina@Example.COM ', username: ' Mina ', password: 'password123' });
    expect(profile).toEqual({ id: expect.any(String), email: 'mina@example.com', username: 'Mina' });
    const stored = await users.findById(profile.id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain('password123');
  });

  it('refuses a second sign-up with the same email in another case', async () => {
    await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    await expect(
      signUp.execute({ email: 'MINA@example.com', username: 'Other', password: 'password456' }),
    ).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
  });

  it('logs in with any case of the email and returns a token for the user', async () => {
    const profile = await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    const result = await logIn.execute({ email: 'MINA@EXAMPLE.COM', password: 'password123', clientAddress: FROM });
    expect(result).toEqual({ accessToken: `token-of-${profile.id}`, user: profile });
  });

  it('gives the same error for an unknown email and a wrong password', async () => {
    await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    // Both caught at once: a second promise left without a handler while the first is awaited
    // counts as an unhandled rejection whenever it settles first (a flake under load).
    const [wrongPassword, unknownEmail] = await Promise.all([
      logIn.execute({ email: 'mina@example.com', password: 'password124', clientAddress: FROM }).catch((error: unknown) => error),
      logIn.execute({ email: 'nobody@example.com', password: 'password123', clientAddress: FROM }).catch((error: unknown) => error),
    ]);
    expect(wrongPassword).toBeInstanceOf(InvalidCredentialsError);
    expect(unknownEmail).toBeInstanceOf(InvalidCredentialsError);
    expect((wrongPassword as Error).message).toBe((unknownEmail as Error).message);
  });

  it('refuses every login of an account after its failure limit, the right password too, without checking it', async () => {
    await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    await logIn.execute({ email: 'mina@example.com', password: 'password123', clientAddress: FROM });
    for (let i = 0; i < 3; i += 1) {
      await expect(logIn.execute({ email: 'mina@example.com', password: 'wrong-one', clientAddress: `198.51.100.${i}` })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    const checked = hasher.verified;
    const refused = await logIn.execute({ email: ' MINA@example.com', password: 'password123', clientAddress: FROM }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(850);
    expect(hasher.verified).toBe(checked);
    await signUp.execute({ email: 'jun@example.com', username: 'Jun', password: 'password123' });
    await expect(logIn.execute({ email: 'jun@example.com', password: 'password123', clientAddress: FROM })).resolves.toMatchObject({
      user: { email: 'jun@example.com' },
    });
  });

  it('counts failures per client address across emails, unknown ones included; successes do not count', async () => {
    await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    for (let i = 0; i < 6; i += 1) await logIn.execute({ email: 'mina@example.com', password: 'password123', clientAddress: FROM });
    for (let i = 0; i < 5; i += 1) {
      await expect(logIn.execute({ email: `guess${i}@example.com`, password: 'password123', clientAddress: FROM })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    }
    await expect(logIn.execute({ email: 'mina@example.com', password: 'password123', clientAddress: FROM })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(logIn.execute({ email: 'mina@example.com', password: 'password123', clientAddress: '198.51.100.99' })).resolves.toBeDefined();
  });

  it('reads a profile, and says not found for an unknown id', async () => {
    const profile = await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    const getProfile = new GetProfile(users);
    expect(await getProfile.execute(profile.id)).toEqual(profile);
    await expect(getProfile.execute('no-such-id')).rejects.toBeInstanceOf(UserNotFoundError);
  });
});

describe('FindUsers', () => {
  it('finds profiles by any case of an email and by ids, without password hashes', async () => {
    const users = new MemoryUserStore();
    const hasher = new Argon2PasswordHasher(loadConfig({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' }));
    const signUp = new SignUp(users, hasher, new UuidGenerator(), new SystemClock());
    const mina = await signUp.execute({ email: 'mina@example.com', username: 'Mina', password: 'password123' });
    const find = new FindUsers(users);
    expect(await find.byEmail(' MINA@example.com ')).toEqual(mina);
    expect(await find.byEmail('nobody@example.com')).toBeUndefined();
    expect(await find.byIds([mina.id, 'unknown'])).toEqual([mina]);
  });
});
