import { Argon2PasswordHasher, loadConfig, MemoryEventBus, SystemClock } from '@webchat/platform';
import { TOKENS_REVOKED_TOPIC, TokensRevoked } from '@webchat/platform/kernel';
import { MemoryUserStore } from '../adapters/out/memory/memory-user-store.adapter';
import { WrongAccountPasswordError } from '../domain/user.errors';
import { LogOut } from './log-out.use-case';
import { SearchUsers } from './search-users.use-case';
import { SignUp } from './sign-up.use-case';
import { UpdateAccount } from './update-account.use-case';

describe('account management use cases', () => {
  const hasher = new Argon2PasswordHasher(loadConfig({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' }));
  const clock = new SystemClock();
  let users: MemoryUserStore;
  let bus: MemoryEventBus;
  let announced: TokensRevoked[];
  let userId: string;
  const held = (id: string, issuedAtMs = Date.now() - 1_000) => ({ id, issuedAtMs });

  beforeEach(async () => {
    users = new MemoryUserStore();
    bus = new MemoryEventBus();
    announced = [];
    bus.subscribe<TokensRevoked>(TOKENS_REVOKED_TOPIC, (event) => void announced.push(event));
    let next = 0;
    const ids = { next: () => `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}` };
    userId = (await new SignUp(users, hasher, ids, clock).execute({ email: 'Mina@Example.com', username: 'Mina', password: 'password-123' })).id;
  });

  it('LogOut stores the revocation before it announces it', async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    bus.subscribe<TokensRevoked>(TOKENS_REVOKED_TOPIC, async () => {
      expect(await users.findProfileHolding(userId, held('t-1'))).toBeUndefined();
    });
    await new LogOut(users, bus, clock).execute({ userId, tokenId: 't-1', tokenExpiresAt: expiresAt });
    expect(announced).toEqual([{ userId, tokenId: 't-1' }]);
    expect(await users.findProfileHolding(userId, held('t-2'))).toBeDefined();
  });

  it('UpdateAccount changes the password only with the right current one, keeps the token used and announces the rest', async () => {
    const update = new UpdateAccount(users, hasher, bus, clock);
    await expect(update.execute({ userId, tokenId: 'mine', password: 'new-password-1', currentPassword: 'wrong-password' })).rejects.toBeInstanceOf(WrongAccountPasswordError);
    expect(announced).toEqual([]);
    const before = Date.now();
    const profile = await update.execute({ userId, tokenId: 'mine', username: 'Mina K', password: 'new-password-1', currentPassword: 'password-123' });
    expect(profile).toEqual({ id: userId, email: 'mina@example.com', username: 'Mina K' });
    expect(await hasher.verify((await users.findById(userId))!.passwordHash, 'new-password-1')).toBe(true);
    expect(announced).toEqual([{ userId, exceptTokenId: 'mine', issuedBeforeMs: expect.any(Number) }]);
    expect(announced[0].issuedBeforeMs).toBeGreaterThanOrEqual(before);
    expect(await users.findProfileHolding(userId, held('mine'))).toBeDefined();
    expect(await users.findProfileHolding(userId, held('other'))).toBeUndefined();
  });

  it('UpdateAccount renames without touching tokens', async () => {
    await new UpdateAccount(users, hasher, bus, clock).execute({ userId, tokenId: 'mine', username: 'New' });
    expect((await users.findById(userId))?.username).toBe('New');
    expect(announced).toEqual([]);
  });

  it('SearchUsers matches a name prefix in any case and a whole email in any case', async () => {
    const search = new SearchUsers(users);
    expect(await search.execute('MI')).toEqual([{ id: userId, username: 'Mina' }]);
    expect(await search.execute(' MINA@example.COM ')).toEqual([{ id: userId, username: 'Mina' }]);
    expect(await search.execute('mina@example')).toEqual([]);
  });
});
