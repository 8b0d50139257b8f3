import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import type { Response } from 'supertest';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

/** Small limits, so each case reaches them in a handful of requests. */
const SMALL_LIMITS = {
  RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '3',
  RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '6',
  RATE_LIMIT_CHANNEL_PASSWORD_FAILURES: '2',
  RATE_LIMIT_REST_PER_SECOND: '2',
  RATE_LIMIT_REST_BURST: '8',
};

function expectRefused(response: Response, message: RegExp, windowSeconds: number): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(message) });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const logIn = (t: TestApp, email: string, password: string, from?: string) => {
  const call = t.http.post('/api/auth/login');
  return (from ? call.set('x-forwarded-for', from) : call).send({ email, password });
};

describe('rate limits (HTTP, SQLite, small limits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...SMALL_LIMITS, TRUST_PROXY_HOPS: '1' });
  });
  afterAll(() => t.close());

  it('refuses logins of an account after 3 failures, the right password too, with Retry-After; other accounts go on', async () => {
    const [mina, jun] = [await signedInUser(t.http, 'Mina'), await signedInUser(t.http, 'Jun')];
    for (const from of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await logIn(t, mina.email, 'wrong-password', from).expect(401);
    expectRefused(await logIn(t, mina.email.toUpperCase(), mina.password, '198.51.100.4'), /failed logins for this account/, 900);
    await logIn(t, jun.email, jun.password, '198.51.100.4').expect(200);
    // The tokens already issued still work: the limit is on guessing, not on the account.
    await t.http.get('/api/users/me').set('authorization', `Bearer ${mina.token}`).expect(200);
  });

  it('refuses logins from an address after 6 failures across emails; other addresses go on', async () => {
    const jun = await signedInUser(t.http, 'Jun');
    for (let i = 0; i < 6; i += 1) await logIn(t, `guess${i}@example.com`, 'password-123', '203.0.113.9').expect(401);
    expectRefused(await logIn(t, jun.email, jun.password, '203.0.113.9'), /failed logins from this address/, 900);
    await logIn(t, jun.email, jun.password, '203.0.113.10').expect(200);
  });

  it('refuses joining a private channel after 2 wrong passwords, per user and channel', async () => {
    const [owner, guesser, other] = [await signedInUser(t.http), await signedInUser(t.http), await signedInUser(t.http)];
    const create = (name: string) =>
      t.http.post('/api/channels').set('authorization', `Bearer ${owner.token}`).send({ name, isPrivate: true, password: 'sesame' }).expect(201);
    const join = (user: SignedInUser, channelId: string, password: string) =>
      t.http.post(`/api/channels/${channelId}/join`).set('authorization', `Bearer ${user.token}`).send({ password });
    const [club, other_club] = [(await create('Club')).body, (await create('Other club')).body];
    await join(guesser, club.id, 'wrong-1').expect(403);
    await join(guesser, club.id, 'wrong-2').expect(403);
    expectRefused(await join(guesser, club.id, 'sesame'), /wrong passwords for this channel/, 900);
    await join(other, club.id, 'sesame').expect(200);
    await join(guesser, other_club.id, 'sesame').expect(200);
  });

  it('refuses a user\'s requests beyond the burst of 8, per user, and never public routes or bad tokens', async () => {
    const [busy, calm] = [await signedInUser(t.http), await signedInUser(t.http)];
    const me = (user: SignedInUser) => t.http.get('/api/users/me').set('authorization', `Bearer ${user.token}`);
    const statuses = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await me(busy)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expectRefused(await me(busy), /Too many requests/, 4);
    await me(calm).expect(200);
    await t.http.get('/api/users/me').set('authorization', 'Bearer not-a-token').expect(401);
    for (let i = 0; i < 10; i += 1) await t.http.get('/health').expect(200);
  });
});

describe('login limit per address against a forged X-Forwarded-For (HTTP, SQLite)', () => {
  const LIMITS = { RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '3', RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '100' };
  const guessFrom = (t: TestApp, forwardedFor: string, n: number) => logIn(t, `guess${n}.${forwardedFor.length}@example.com`, 'password-123', forwardedFor);

  it('counts the peer, not the header, when no proxy is trusted (the default)', async () => {
    const t = await startTestApp(LIMITS);
    try {
      const mina = await signedInUser(t.http);
      for (let n = 0; n < 3; n += 1) await guessFrom(t, `198.51.100.${n}`, n).expect(401);
      expectRefused(await logIn(t, mina.email, mina.password, '198.51.100.99'), /failed logins from this address/, 900);
    } finally {
      await t.close();
    }
  });

  it('behind one trusted proxy, counts the address the proxy appended, whatever the client wrote before it', async () => {
    const t = await startTestApp({ ...LIMITS, TRUST_PROXY_HOPS: '1' });
    try {
      const mina = await signedInUser(t.http);
      for (let n = 0; n < 3; n += 1) await guessFrom(t, `198.51.100.${n}, 203.0.113.50`, n).expect(401);
      expectRefused(await logIn(t, mina.email, mina.password, '198.51.100.99, 203.0.113.50'), /failed logins from this address/, 900);
      await logIn(t, mina.email, mina.password, '203.0.113.51').expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits: windows end (HTTP, SQLite)', () => {
  it('lets an account log in again once its window is over', async () => {
    const t = await startTestApp({ RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '1', RATE_LIMIT_LOGIN_WINDOW_SECONDS: '1' });
    try {
      const mina = await signedInUser(t.http);
      await logIn(t, mina.email, 'wrong-password').expect(401);
      expectRefused(await logIn(t, mina.email, mina.password), /for this account/, 1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await logIn(t, mina.email, mina.password).expect(200);
    } finally {
      await t.close();
    }
  });
});

describeOnMysql('rate limits shared by two server nodes (DB=mysql)', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  let nodes: TestApp[];
  beforeAll(async () => {
    schema = await createMysqlSchema();
    const env = { ...SMALL_LIMITS, DB: 'mysql', MYSQL_URL: schema.url };
    nodes = [await startTestApp({ ...env, NODE_ID: 'node-a' }), await startTestApp({ ...env, NODE_ID: 'node-b' })];
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await schema.drop();
  });

  it('counts one account\'s login failures on both nodes together', async () => {
    const [a, b] = nodes;
    const mina = await signedInUser(a.http, 'Mina');
    await logIn(a, mina.email, 'wrong-password').expect(401);
    await logIn(b, mina.email, 'wrong-password').expect(401);
    await logIn(a, mina.email, 'wrong-password').expect(401);
    expectRefused(await logIn(b, mina.email, mina.password), /for this account/, 900);
    expectRefused(await logIn(a, mina.email, mina.password), /for this account/, 900);
  });

  it('counts one user\'s requests on both nodes together', async () => {
    const [a, b] = nodes;
    const user = await signedInUser(a.http);
    const statuses = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await nodes[i % 2].http.get('/api/users/me').set('authorization', `Bearer ${user.token}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expectRefused(await b.http.get('/api/users/me').set('authorization', `Bearer ${user.token}`), /Too many requests/, 4);
  });
});

describeOnMysql('login limit per address shared by two nodes behind a trusted proxy (DB=mysql)', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  let nodes: TestApp[];
  beforeAll(async () => {
    schema = await createMysqlSchema();
    const env = { RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '4', TRUST_PROXY_HOPS: '1', DB: 'mysql', MYSQL_URL: schema.url };
    nodes = [await startTestApp({ ...env, NODE_ID: 'node-a' }), await startTestApp({ ...env, NODE_ID: 'node-b' })];
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await schema.drop();
  });

  it('counts one address on both nodes together, whatever the client writes before the proxy\'s entry', async () => {
    const mina = await signedInUser(nodes[0].http);
    for (let n = 0; n < 4; n += 1) await logIn(nodes[n % 2], `guess${n}@example.com`, 'password-123', `198.51.100.${n}, 203.0.113.77`).expect(401);
    for (const node of nodes) expectRefused(await logIn(node, mina.email, mina.password, '198.51.100.200, 203.0.113.77'), /from this address/, 900);
    await logIn(nodes[1], mina.email, mina.password, '203.0.113.78').expect(200);
  });
});
