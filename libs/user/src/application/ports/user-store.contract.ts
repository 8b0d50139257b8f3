import { EmailAlreadyRegisteredError } from '../../domain/user.errors';
import { User } from '../../domain/user';
import { UserStore } from './user-store.port';

export interface UserStoreFixture {
  store: UserStore;
  close(): Promise<void>;
}

let counter = 0;
function aUser(overrides: Partial<User> = {}): User {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    email: `user${counter}@example.com`,
    username: `User ${counter}`,
    passwordHash: '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    createdAt: new Date('2026-11-23T10:20:30.123Z'),
    ...overrides,
  };
}

/** The expectations every UserStore adapter must meet; called once per adapter. */
export function userStoreContract(open: () => Promise<UserStoreFixture>): void {
  let fixture: UserStoreFixture;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture.close();
  });

  it('finds a stored user by id and by email, field for field', async () => {
    const user = aUser();
    await fixture.store.add(user);
    expect(await fixture.store.findById(user.id)).toEqual(user);
    expect(await fixture.store.findByEmail(user.email)).toEqual(user);
  });

  it('reads the profile of an id that is an account, exactly its three fields, and nothing for any other id', async () => {
    const user = aUser();
    await fixture.store.add(user);
    expect(await fixture.store.findProfile(user.id)).toStrictEqual({ id: user.id, email: user.email, username: user.username });
    expect(await fixture.store.findProfile('00000000-0000-4000-8000-999999999999')).toBeUndefined();
  });

  it('answers undefined for an unknown id or email', async () => {
    expect(await fixture.store.findById('00000000-0000-4000-8000-999999999999')).toBeUndefined();
    expect(await fixture.store.findByEmail('nobody@example.com')).toBeUndefined();
  });

  it('compares ids byte for byte: an id in another case is another id', async () => {
    const lower = aUser({ id: `abcdef00-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}` });
    await fixture.store.add(lower);
    expect(await fixture.store.findById(lower.id.toUpperCase())).toBeUndefined();
    expect(await fixture.store.findManyByIds([lower.id.toUpperCase()])).toEqual([]);
    expect(await fixture.store.findProfile(lower.id.toUpperCase())).toBeUndefined();
    const upper = aUser({ id: lower.id.toUpperCase() });
    await fixture.store.add(upper);
    expect(await fixture.store.findById(upper.id)).toEqual(upper);
    expect(await fixture.store.findById(lower.id)).toEqual(lower);
  });

  it('refuses a second user with the same email', async () => {
    const first = aUser();
    await fixture.store.add(first);
    await expect(fixture.store.add(aUser({ email: first.email }))).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
    expect(await fixture.store.findByEmail(first.email)).toEqual(first);
  });

  it('lets exactly one of many concurrent sign-ups with one email through', async () => {
    const email = aUser().email;
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => fixture.store.add(aUser({ email }))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(7);
    for (const result of rejected) expect(result.reason).toBeInstanceOf(EmailAlreadyRegisteredError);
  });

  it('keeps Unicode usernames (Korean, emoji) and a 254-character email intact', async () => {
    const longEmail = `${'a'.repeat(64)}@${'b'.repeat(185)}.com`;
    expect(longEmail).toHaveLength(254);
    const user = aUser({ username: '김민아 🐱'.padEnd(50, '가'), email: longEmail });
    await fixture.store.add(user);
    expect(await fixture.store.findById(user.id)).toEqual(user);
  });

  it('finds many by ids, skipping unknown and repeated ids', async () => {
    const [a, b, c] = [aUser(), aUser(), aUser()];
    for (const user of [a, b, c]) await fixture.store.add(user);
    const found = await fixture.store.findManyByIds([a.id, c.id, c.id, '00000000-0000-4000-8000-999999999998']);
    expect(found.map((user) => user.id).sort()).toEqual([a.id, c.id].sort());
    expect(await fixture.store.findManyByIds([])).toEqual([]);
  });

  describe('token revocation (asked by every authenticated request)', () => {
    const token = (id: string, issuedAtMs = Date.parse('2026-11-23T10:00:00.000Z')) => ({ id, issuedAtMs });
    const now = new Date('2026-11-23T10:30:00.000Z');

    it('answers the profile for a token that was never revoked, nothing for a revoked one or an unknown user', async () => {
      const user = aUser();
      await fixture.store.add(user);
      const profile = { id: user.id, email: user.email, username: user.username };
      expect(await fixture.store.findProfileHolding(user.id, token('t-1'))).toStrictEqual(profile);
      await fixture.store.revokeToken({ tokenId: 't-1', userId: user.id, expiresAt: new Date('2026-11-23T11:00:00.000Z') }, now);
      expect(await fixture.store.findProfileHolding(user.id, token('t-1'))).toBeUndefined();
      expect(await fixture.store.findProfileHolding(user.id, token('t-2'))).toStrictEqual(profile);
      expect(await fixture.store.findProfileHolding('00000000-0000-4000-8000-999999999999', token('t-3'))).toBeUndefined();
    });

    it('takes a repeated or concurrent revocation of one token as one', async () => {
      const user = aUser();
      await fixture.store.add(user);
      const revocation = { tokenId: 't-twice', userId: user.id, expiresAt: new Date('2026-11-23T11:00:00.000Z') };
      await Promise.all([fixture.store.revokeToken(revocation, now), fixture.store.revokeToken(revocation, now)]);
      await fixture.store.revokeToken(revocation, now);
      expect(await fixture.store.findProfileHolding(user.id, token('t-twice'))).toBeUndefined();
    });

    it('forgets a revocation once its token has expired (the signature check refuses it from then on)', async () => {
      const user = aUser();
      await fixture.store.add(user);
      await fixture.store.revokeToken({ tokenId: 't-old', userId: user.id, expiresAt: new Date('2026-11-23T10:00:00.000Z') }, now);
      expect(await fixture.store.findProfileHolding(user.id, token('t-old'))).toBeUndefined();
      await fixture.store.revokeToken({ tokenId: 't-new', userId: user.id, expiresAt: new Date('2026-11-23T12:00:00.000Z') }, new Date('2026-11-23T10:00:00.001Z'));
      expect(await fixture.store.findProfileHolding(user.id, token('t-old'))).toBeDefined();
      expect(await fixture.store.findProfileHolding(user.id, token('t-new'))).toBeUndefined();
    });

    it('on a password change stores the hash and voids every token issued before it but the kept one', async () => {
      const user = aUser();
      await fixture.store.add(user);
      const at = new Date('2026-11-23T10:20:00.500Z');
      await fixture.store.changePassword({ userId: user.id, passwordHash: '$argon2id$new', keptTokenId: 'kept', at });
      expect((await fixture.store.findById(user.id))?.passwordHash).toBe('$argon2id$new');
      expect(await fixture.store.findProfileHolding(user.id, token('other', at.getTime() - 1))).toBeUndefined();
      expect(await fixture.store.findProfileHolding(user.id, token('kept', at.getTime() - 60_000))).toBeDefined();
      expect(await fixture.store.findProfileHolding(user.id, token('fresh', at.getTime()))).toBeDefined();
      expect(await fixture.store.findProfileHolding(user.id, token('later', at.getTime() + 1))).toBeDefined();
    });

    it('renames a user, leaving the rest of the account as it was', async () => {
      const user = aUser();
      await fixture.store.add(user);
      await fixture.store.rename(user.id, '새 이름 🐱');
      expect(await fixture.store.findById(user.id)).toEqual({ ...user, username: '새 이름 🐱' });
    });
  });

  describe('delete (an account deletion)', () => {
    it('runs the step, then deletes the account: no profile for its tokens, and its email free again', async () => {
      const user = aUser();
      await fixture.store.add(user);
      const seen: Array<string | undefined> = [];
      const result = await fixture.store.delete(user.id, async () => {
        seen.push((await fixture.store.findById(user.id))?.id);
        return 'closed';
      });
      expect({ result, seen }).toEqual({ result: 'closed', seen: [user.id] });
      expect(await fixture.store.findById(user.id)).toBeUndefined();
      expect(await fixture.store.findProfileHolding(user.id, { id: 'token-1', issuedAtMs: Date.now() })).toBeUndefined();
      const again = aUser({ email: user.email });
      await fixture.store.add(again);
      expect(await fixture.store.findByEmail(user.email)).toEqual(again);
    });

    it('keeps the account when the step throws', async () => {
      const user = aUser();
      await fixture.store.add(user);
      await expect(fixture.store.delete(user.id, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
      expect(await fixture.store.findById(user.id)).toEqual(user);
    });

    it('answers undefined for an unknown account without running the step', async () => {
      const step = jest.fn(() => Promise.resolve('closed'));
      expect(await fixture.store.delete('00000000-0000-4000-8000-999999999999', step)).toBeUndefined();
      expect(step).not.toHaveBeenCalled();
    });
  });

  describe('search', () => {
    it('finds names starting with the prefix in any case, in name order, up to the limit; emails only when equal', async () => {
      const tag = `s${(counter += 1)}`;
      const [ann, anna, bob, mail] = [
        aUser({ username: `${tag}Ann` }),
        aUser({ username: `${tag.toUpperCase()}ANNA` }),
        aUser({ username: `x${tag}Ann` }),
        aUser({ username: 'Mail only', email: `${tag}@example.com` }),
      ];
      for (const user of [ann, anna, bob, mail]) await fixture.store.add(user);
      const found = await fixture.store.search({ usernamePrefix: `${tag}ann`, email: 'nobody@example.com', limit: 20 });
      expect(found.map((user) => user.id).sort()).toEqual([ann.id, anna.id].sort());
      expect(found[0]).toStrictEqual({ id: found[0].id, username: found[0].username });
      expect(await fixture.store.search({ usernamePrefix: `${tag}ann`, email: 'nobody@example.com', limit: 1 })).toHaveLength(1);
      expect(await fixture.store.search({ usernamePrefix: `${tag}@example`, email: `${tag}@example.com`, limit: 20 })).toStrictEqual([{ id: mail.id, username: 'Mail only' }]);
      expect(await fixture.store.search({ usernamePrefix: 'zz-none', email: `${tag}@example.co`, limit: 20 })).toEqual([]);
    });

    it('takes % _ and ! literally', async () => {
      const tag = `w${(counter += 1)}`;
      const [percent, underscore, bang, plain] = [
        aUser({ username: `${tag}%off` }),
        aUser({ username: `${tag}_x` }),
        aUser({ username: `${tag}!x` }),
        aUser({ username: `${tag}abx` }),
      ];
      for (const user of [percent, underscore, bang, plain]) await fixture.store.add(user);
      const ids = async (usernamePrefix: string) =>
        (await fixture.store.search({ usernamePrefix, email: 'nobody@example.com', limit: 20 })).map((user) => user.id);
      expect(await ids(`${tag}%`)).toEqual([percent.id]);
      expect(await ids(`${tag}_`)).toEqual([underscore.id]);
      expect(await ids(`${tag}!`)).toEqual([bang.id]);
      expect(await ids(`${tag}!x`)).toEqual([bang.id]);
      expect((await ids(tag)).length).toBe(4);
    });
  });
}
