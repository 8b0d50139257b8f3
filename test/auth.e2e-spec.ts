import { randomUUID } from 'node:crypto';
import { forgeJwt, nowInSeconds } from '@webchat/platform/testing';
import { signedInUser, startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

describe('auth and users (HTTP, SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('POST /api/auth/signup', () => {
    it('creates an account: 201 with id, normalized email and trimmed username, never the password', async () => {
      const response = await t.http
        .post('/api/auth/signup')
        .send({ email: '  Hana.Kim@Example.COM ', username: '  김하나 ', password: 'password-123' })
        .expect(201);
      expect(response.body).toEqual({ id: expect.any(String), email: 'hana.kim@example.com', username: '김하나' });
    });

    it('answers 409 for an email already taken, whatever its case', async () => {
      await t.http.post('/api/auth/signup').send({ email: 'dup@example.com', username: 'A', password: 'password-123' }).expect(201);
      const response = await t.http
        .post('/api/auth/signup')
        .send({ email: 'DUP@example.com', username: 'B', password: 'password-456' })
        .expect(409);
      expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Email is already registered' });
    });

    it('makes one account of concurrent sign-ups with one email', async () => {
      const body = { email: 'race@example.com', username: 'Racer', password: 'password-123' };
      const statuses = await Promise.all(Array.from({ length: 6 }, () => t.http.post('/api/auth/signup').send(body)));
      expect(statuses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it.each([
      ['a bad email', { email: 'not-an-email', username: 'A', password: 'password-123' }, /email/],
      ['an email over 254 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com`, username: 'A', password: 'password-123' }, /email/],
      ['a blank username', { email: 'x1@example.com', username: '   ', password: 'password-123' }, /username/],
      ['a 51-character username', { email: 'x2@example.com', username: '가'.repeat(51), password: 'password-123' }, /username/],
      ['a 7-character password', { email: 'x3@example.com', username: 'A', password: '1234567' }, /password/],
      ['a 73-character password', { email: 'x4@example.com', username: 'A', password: 'p'.repeat(73) }, /password/],
      ['a missing password', { email: 'x5@example.com', username: 'A' }, /password/],
      ['a number for a username', { email: 'x6@example.com', username: 42, password: 'password-123' }, /username/],
      ['an unknown field', { email: 'x7@example.com', username: 'A', password: 'password-123', admin: true }, /admin should not exist/],
    ])('answers 400 with a reason for %s', async (_case, body, reason) => {
      const response = await t.http.post('/api/auth/signup').send(body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toMatch(reason);
    });

    it('accepts exactly 50 username and 72 password characters, counted as code points', async () => {
      await t.http
        .post('/api/auth/signup')
        .send({ email: 'edge@example.com', username: '🐱'.repeat(50), password: '가'.repeat(72) })
        .expect(201);
    });

    it('answers 400 for malformed JSON and for a JSON array body', async () => {
      const malformed = await t.http.post('/api/auth/signup').set('content-type', 'application/json').send('{"email": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      await t.http.post('/api/auth/signup').send([{ email: 'arr@example.com' }]).expect(400);
    });
  });

  describe('POST /api/auth/login', () => {
    it('answers 200 with a token and the user, for any case of the email', async () => {
      await t.http.post('/api/auth/signup').send({ email: 'login@example.com', username: 'Lee', password: 'password-123' }).expect(201);
      const response = await t.http.post('/api/auth/login').send({ email: ' LOGIN@example.com', password: 'password-123' }).expect(200);
      expect(response.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        user: { id: expect.any(String), email: 'login@example.com', username: 'Lee' },
      });
    });

    it('answers 401 with one message for a wrong password and for an unknown email', async () => {
      const wrongPassword = await t.http.post('/api/auth/login').send({ email: 'login@example.com', password: 'password-124' }).expect(401);
      const unknown = await t.http.post('/api/auth/login').send({ email: 'ghost@example.com', password: 'password-123' }).expect(401);
      expect(wrongPassword.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
      expect(unknown.body).toEqual(wrongPassword.body);
    });

    it('answers 400 for a missing field', async () => {
      await t.http.post('/api/auth/login').send({ email: 'login@example.com' }).expect(400);
    });
  });

  describe('GET /api/users/me', () => {
    it('answers my account for my token', async () => {
      const me = await signedInUser(t.http, 'Mina');
      const response = await t.http.get('/api/users/me').set('authorization', `Bearer ${me.token}`).expect(200);
      expect(response.body).toEqual({ id: me.id, email: me.email, username: 'Mina' });
    });

    it('answers 401 without a token, with a non-bearer header and with garbage', async () => {
      for (const header of [undefined, 'Basic abc', 'Bearer not.a.jwt', 'Bearer ']) {
        const call = t.http.get('/api/users/me');
        const response = await (header ? call.set('authorization', header) : call).expect(401);
        expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      }
    });

    it('answers 401 for an expired token', async () => {
      const me = await signedInUser(t.http);
      const expired = forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: me.id, jti: 'x', iat: nowInSeconds() - 100, exp: nowInSeconds() - 10 }, TEST_JWT_SECRET);
      await t.http.get('/api/users/me').set('authorization', `Bearer ${expired}`).expect(401);
      const fresh = forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: me.id, jti: 'x', iat: nowInSeconds(), exp: nowInSeconds() + 60 }, TEST_JWT_SECRET);
      await t.http.get('/api/users/me').set('authorization', `Bearer ${fresh}`).expect(200);
    });

    it('answers 401 for a tampered token, a foreign secret, alg "none" and HS512', async () => {
      const me = await signedInUser(t.http);
      const other = await signedInUser(t.http);
      const [header, , signature] = me.token.split('.');
      const claims = JSON.parse(Buffer.from(me.token.split('.')[1], 'base64url').toString());
      const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url')}.${signature}`;
      const claimsNow = { sub: me.id, jti: 'x', iat: nowInSeconds(), exp: nowInSeconds() + 60 };
      const forged = [
        tampered,
        forgeJwt({ alg: 'HS256', typ: 'JWT' }, claimsNow, 'another-secret-another-secret-another-secret'),
        forgeJwt({ alg: 'none', typ: 'JWT' }, claimsNow, ''),
        forgeJwt({ alg: 'HS512', typ: 'JWT' }, claimsNow, TEST_JWT_SECRET, 'sha512'),
      ];
      for (const token of forged) {
        await t.http.get('/api/users/me').set('authorization', `Bearer ${token}`).expect(401);
      }
    });

    it('answers 401 when the token is correctly signed but its user does not exist, and creates nothing for it', async () => {
      for (const sub of [randomUUID(), 'gone']) {
        const token = forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub, jti: 'x', iat: nowInSeconds(), exp: nowInSeconds() + 60 }, TEST_JWT_SECRET);
        const me = await t.http.get('/api/users/me').set('authorization', `Bearer ${token}`).expect(401);
        expect(me.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid or expired access token' });
        await t.http.post('/api/channels').set('authorization', `Bearer ${token}`).send({ name: `orphan of ${sub}` }).expect(401);
      }
      const someone = await signedInUser(t.http);
      const search = await t.http.get('/api/channels/search?q=orphan').set('authorization', `Bearer ${someone.token}`).expect(200);
      expect(search.body.items).toEqual([]);
    });

    it('answers 401 for a correctly signed token without an expiry', async () => {
      const me = await signedInUser(t.http);
      const endless = forgeJwt({ alg: 'HS256', typ: 'JWT' }, { sub: me.id, jti: 'x', iat: nowInSeconds() }, TEST_JWT_SECRET);
      await t.http.get('/api/users/me').set('authorization', `Bearer ${endless}`).expect(401);
    });
  });
});
