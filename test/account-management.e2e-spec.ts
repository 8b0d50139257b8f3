import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import type { Socket } from 'socket.io-client';
import { bearer, handshakeWith, logInAgain, serverDisconnect } from './support/account-client';
import { connectChat } from './support/chat-client';
import { signedInUser, startTestApp, TestApp } from './support/test-app';

/** PATCH /api/users/me (DESIGN §5, issue 12 point 4), the same cases on each store. */
function accountCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  let sockets: Socket[] = [];
  const connect = async (token: string) => {
    const socket = await connectChat(t.url, token);
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    t = await start();
  });
  afterEach(() => {
    for (const socket of sockets) socket.close();
    sockets = [];
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
}

describe('account management (SQLite)', () => accountCases(() => startTestApp({}, { listen: true })));

describeOnMysql('account management (MariaDB)', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  beforeAll(async () => {
    schema = await createMysqlSchema();
  });
  afterAll(() => schema.drop());
  accountCases(() => startTestApp({ DB: 'mysql', MYSQL_URL: schema.url }, { listen: true }));
});
