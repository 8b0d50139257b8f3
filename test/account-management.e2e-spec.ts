import { bearer, handshakeWith, logInAgain, serverDisconnect } from './support/account-client';
import { connectChat } from './support/chat-client';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { signedInUser, TestApp } from './support/test-app';

/** PATCH /api/users/me, GET /api/users/search (DESIGN §5, issue 12 point 4), the same cases on each store. */
function accountCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  const connect = async (token: string) => sockets.keep(await connectChat(t.url, token));
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  describe('PATCH /api/users/me', () => {
    it('renames me (trimmed) and answers the user; GET /me agrees', async () => {
      const user = await signedInUser(t.http, 'Old name');
      const answer = await t.http.patch('/api/users/me').set(bearer(user.token)).send({ username: '  새 이름 🐱 ' }).expect(200);
      expect(answer.body).toEqual({ id: user.id, email: user.email, username: '새 이름 🐱' });
      expect((await t.http.get('/api/users/me').set(bearer(user.token)).expect(200)).body.username).toBe('새 이름 🐱');
    });

    it('changes the password: the token used lives on, every other token is refused and its socket disconnected, the new password logs in', async () => {
      const user = await signedInUser(t.http, 'Changer');
      const otherToken = await logInAgain(t.http, user);
      const otherSocket = await connect(otherToken);
      const ownSocket = await connect(user.token);
      const otherDisconnected = serverDisconnect(otherSocket);

      await t.http.patch('/api/users/me').set(bearer(user.token)).send({ password: 'brand-new-password', currentPassword: user.password }).expect(200);

      expect(await otherDisconnected).toBe('io server disconnect');
      await t.http.get('/api/users/me').set(bearer(otherToken)).expect(401);
      expect(await handshakeWith(t.url, otherToken, connectChat)).toBe('unauthorized');
      await t.http.get('/api/users/me').set(bearer(user.token)).expect(200);
      expect(ownSocket.connected).toBe(true);
      await t.http.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
      const fresh = await logInAgain(t.http, { email: user.email, password: 'brand-new-password' });
      await t.http.get('/api/users/me').set(bearer(fresh)).expect(200);
      expect(await handshakeWith(t.url, fresh, connectChat)).toBe('connected');
    });

    it('answers 403 for a wrong current password and changes nothing, not even the name', async () => {
      const user = await signedInUser(t.http, 'Keeper');
      const wrong = await t.http
        .patch('/api/users/me')
        .set(bearer(user.token))
        .send({ username: 'Thief', password: 'brand-new-password', currentPassword: 'not-my-password' })
        .expect(403);
      expect(wrong.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Wrong password' });
      expect((await t.http.get('/api/users/me').set(bearer(user.token)).expect(200)).body.username).toBe('Keeper');
      await logInAgain(t.http, user);
    });

    it.each([
      ['a password without currentPassword', { password: 'brand-new-password' }, /currentPassword is required/],
      ['a 7-character new password', { password: '1234567', currentPassword: 'password-123' }, /password/],
      ['a blank username', { username: '   ' }, /username/],
      ['a 51-character username', { username: '가'.repeat(51) }, /username/],
      ['a null username', { username: null }, /username/],
      ['a number for a password', { password: 12345678, currentPassword: 'password-123' }, /password/],
      ['an unknown field', { email: 'new@example.com' }, /email should not exist/],
    ])('answers 400 with a reason for %s', async (_case, body, reason) => {
      const user = await signedInUser(t.http, 'Shaper');
      const response = await t.http.patch('/api/users/me').set(bearer(user.token)).send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toMatch(reason);
    });

    it('answers 401 without a token', async () => {
      await t.http.patch('/api/users/me').send({ username: 'x' }).expect(401);
    });
  });

  describe('GET /api/users/search', () => {
    const search = async (token: string, query: Record<string, string>) =>
      (await t.http.get('/api/users/search').query(query).set(bearer(token)).expect(200)).body as { items: Array<{ id: string; username: string }> };

    it('finds users whose name starts with q in any case, or whose email is q; answers ids and names only, never emails', async () => {
      const tag = `Srch${Date.now().toString(36)}`;
      const asker = await signedInUser(t.http, 'Asker');
      const [mina, minho, other] = [
        await signedInUser(t.http, `${tag} Mina`),
        await signedInUser(t.http, `${tag.toUpperCase()} MINHO`),
        await signedInUser(t.http, `x ${tag}`),
      ];
      const byName = await search(asker.token, { q: `  ${tag.toLowerCase()} min ` });
      expect(byName.items.map((user) => user.id).sort()).toEqual([mina.id, minho.id].sort());
      for (const item of byName.items) expect(Object.keys(item).sort()).toEqual(['id', 'username']);
      expect(JSON.stringify(byName)).not.toContain('@');

      const byEmail = await search(asker.token, { q: other.email.toUpperCase() });
      expect(byEmail).toEqual({ items: [{ id: other.id, username: `x ${tag}` }] });
      expect((await search(asker.token, { q: other.email.slice(0, -3) })).items).toEqual([]);
      expect((await search(asker.token, { q: tag, limit: '1' })).items).toHaveLength(1);
    });

    it('takes % and _ literally (LIKE-escaped)', async () => {
      const tag = `Esc${Date.now().toString(36)}`;
      const asker = await signedInUser(t.http, 'Asker');
      const [underscore, plain] = [await signedInUser(t.http, `${tag}_1`), await signedInUser(t.http, `${tag}a1`)];
      expect((await search(asker.token, { q: `${tag}_` })).items.map((user) => user.id)).toEqual([underscore.id]);
      expect((await search(asker.token, { q: `${tag}%` })).items).toEqual([]);
      expect((await search(asker.token, { q: `${tag}a` })).items.map((user) => user.id)).toEqual([plain.id]);
      expect((await search(asker.token, { q: '%' })).items).toEqual([]);
    });

    it.each([
      ['no q', {}, /q/],
      ['a blank q', { q: '   ' }, /q/],
      ['limit 0', { q: 'a', limit: '0' }, /limit/],
      ['limit 21', { q: 'a', limit: '21' }, /limit/],
      ['a limit that is not a number', { q: 'a', limit: 'ten' }, /limit/],
      ['an unknown parameter', { q: 'a', email: 'x' }, /email should not exist/],
    ])('answers 400 with a reason for %s', async (_case, query, reason) => {
      const user = await signedInUser(t.http, 'Searcher');
      const response = await t.http.get('/api/users/search').query(query).set(bearer(user.token)).expect(400);
      expect(response.body.message).toMatch(reason);
    });

    it('answers 401 without a token', async () => {
      await t.http.get('/api/users/search').query({ q: 'a' }).expect(401);
    });
  });
}

describeOnEachStore('account management', accountCases);
