import { randomUUID } from 'node:crypto';
import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { ask, connectChat } from './support/chat-client';
import { LogLine, startTestApp, TestApp } from './support/test-app';

/**
 * Every secret and every piece of content the flow below sends. Each is unique enough that
 * finding it anywhere in a log line can only mean it leaked there.
 */
const SECRETS = {
  minaPassword: 'Mina-Account-Secret-1111',
  joonPassword: 'Joon-Account-Secret-2222',
  wrongLogin: 'Wrong-Guess-Secret-3333',
  newPassword: 'Mina-New-Secret-1212',
  channelPassword: 'Chan-Secret-4444',
  wrongChannelPassword: 'Chan-Wrong-5555',
  walletPassword: 'Wallet-Secret-6666',
  wrongWalletPassword: 'Wallet-Wrong-7777',
  message: 'Message-Text-8888 비밀 이야기',
  reply: 'Reply-Text-9999',
  tooLongText: `Long-Text-Secret-1313 ${'x'.repeat(4100)}`,
  searchTerm: 'Text-8888',
  faultSearchTerm: 'Fault-Search-Secret-1414',
  unknownField: 'Unknown-Field-Secret-1515',
  tooLongPassword: `Too-Long-Password-Secret-1616-${'p'.repeat(60)}`,
  malformed: 'Malformed-Body-Secret-1717',
  oversized: 'Oversized-Body-Secret-1818',
  forgedToken: 'Forged-Token-Secret-1919',
};

/**
 * The whole product as a client uses it, with the real logger at the default level (info) writing
 * to a captured stream: sign-up, logins (wrong and right), channels with a password, chat over
 * socket.io, search, wallets with a password, money moves, password change, logout, bad input of
 * every kind that carries a secret, and a real database fault whose query held a search term.
 */
async function runWholeFlow(t: TestApp, dataSource: DataSource): Promise<string[]> {
  const tokens: string[] = [];
  const signUp = async (name: string, password: string) => {
    const email = `${name.toLowerCase()}.${randomUUID()}@example.com`;
    await t.http.post('/api/auth/signup').send({ email, username: name, password }).expect(201);
    return email;
  };
  const minaEmail = await signUp('Mina', SECRETS.minaPassword);
  const joonEmail = await signUp('Joon', SECRETS.joonPassword);
  await t.http.post('/api/auth/login').send({ email: minaEmail, password: SECRETS.wrongLogin }).expect(401);
  const logIn = async (email: string, password: string) => {
    const token = (await t.http.post('/api/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    tokens.push(token);
    return { authorization: `Bearer ${token}` };
  };
  const mina = await logIn(minaEmail, SECRETS.minaPassword);
  const joon = await logIn(joonEmail, SECRETS.joonPassword);

  // Bad input that carries secrets: every answer is a 4xx, and none of it may reach the logs.
  await t.http.post('/api/auth/signup').send({ email: `x.${randomUUID()}@example.com`, username: 'X', password: SECRETS.tooLongPassword }).expect(400);
  await t.http.post('/api/auth/login').send({ email: minaEmail, password: SECRETS.minaPassword, extra: SECRETS.unknownField }).expect(400);
  await t.http.post('/api/auth/login').set('content-type', 'application/json').send(`{"email":"${minaEmail}","password":"${SECRETS.malformed}`).expect(400);
  await t.http
    .post('/api/auth/login')
    .send({ email: minaEmail, password: `${SECRETS.oversized}${'o'.repeat(110 * 1024)}` })
    .expect(413);
  await t.http.get('/api/users/me').set('authorization', `Bearer ${SECRETS.forgedToken}`).expect(401);

  // A private channel, joined with a wrong password first.
  const channel = (await t.http.post('/api/channels').set(mina).send({ name: 'Secret club', isPrivate: true, password: SECRETS.channelPassword }).expect(201)).body;
  await t.http.post(`/api/channels/${channel.id}/join`).set(joon).send({ password: SECRETS.wrongChannelPassword }).expect(403);
  await t.http.post(`/api/channels/${channel.id}/join`).set(joon).send({ password: SECRETS.channelPassword }).expect(200);

  // Chat over socket.io, a bad token and an over-long text included.
  await expect(connectChat(t.url, SECRETS.forgedToken)).rejects.toThrow('unauthorized');
  const [minaSocket, joonSocket] = [await connectChat(t.url, tokens[0]), await connectChat(t.url, tokens[1])];
  try {
    expect(await ask(minaSocket, 'message:send', { channelId: channel.id, clientMsgId: 'm1', text: SECRETS.message })).toMatchObject({ ok: true });
    expect(await ask(joonSocket, 'message:send', { channelId: channel.id, clientMsgId: 'j1', text: SECRETS.reply })).toMatchObject({ ok: true });
    expect(await ask(joonSocket, 'message:send', { channelId: channel.id, clientMsgId: 'j2', text: SECRETS.tooLongText })).toMatchObject({ ok: false });
    expect(await ask(joonSocket, 'message:read', { channelId: channel.id, seq: 2 })).toEqual({ ok: true });
  } finally {
    minaSocket.close();
    joonSocket.close();
  }
  const history = (await t.http.get(`/api/channels/${channel.id}/messages`).set(joon).expect(200)).body;
  expect(history.items.map((message: { text: string }) => message.text)).toEqual(expect.arrayContaining([SECRETS.message, SECRETS.reply]));
  const found = (await t.http.get(`/api/channels/${channel.id}/messages/search`).query({ q: SECRETS.searchTerm }).set(joon).expect(200)).body;
  expect(found.items).toHaveLength(1);

  // Wallets with a password, a deposit, a transfer with a wrong and a right password, a booking.
  const minaWallet = (await t.http.post('/api/wallets').set(mina).send({ password: SECRETS.walletPassword }).expect(201)).body.id;
  const joonWallet = (await t.http.post('/api/wallets').set(joon).send({ password: SECRETS.walletPassword }).expect(201)).body.id;
  await t.http.post(`/api/wallets/${minaWallet}/deposits`).set(mina).set('idempotency-key', randomUUID()).send({ amount: 10_000 }).expect(201);
  const transfer = (password: string) =>
    t.http.post('/api/transfers').set(mina).set('idempotency-key', randomUUID()).send({ fromWalletId: minaWallet, toWalletId: joonWallet, amount: 2_500, password });
  await transfer(SECRETS.wrongWalletPassword).expect(403);
  await transfer(SECRETS.walletPassword).expect(201);
  await t.http
    .post('/api/reserved-transfers')
    .set(mina)
    .send({ fromWalletId: minaWallet, toWalletId: joonWallet, amount: 100, password: SECRETS.walletPassword, executeAt: new Date(Date.now() + 86_400_000).toISOString(), repeat: 'NONE' })
    .expect(201);
  await t.http.delete('/api/users/me').set(joon).send({ password: SECRETS.joonPassword }).expect(409);

  // A password change, a wrong current password first, then logout.
  await t.http.patch('/api/users/me').set(mina).send({ password: SECRETS.newPassword, currentPassword: SECRETS.wrongLogin }).expect(403);
  await t.http.patch('/api/users/me').set(mina).send({ password: SECRETS.newPassword, currentPassword: SECRETS.minaPassword }).expect(200);
  await t.http.post('/api/auth/logout').set(mina).expect(204);
  await t.http.get('/api/users/me').set(mina).expect(401);

  // A real fault whose failed query held a search term: the channels table is gone.
  await dataSource.query(dataSource.options.type === 'mysql' ? 'RENAME TABLE channels TO channels_gone' : 'ALTER TABLE channels RENAME TO channels_gone');
  await t.http.get('/api/channels/search').query({ q: SECRETS.faultSearchTerm }).set(joon).expect(500);
  return tokens;
}

function expectNoSecretIn(logs: LogLine[], tokens: string[]): void {
  // Any case: stores and searches lower-case what they are given.
  const text = logs.map((line) => JSON.stringify(line)).join('\n').toLowerCase();
  const leaks = [...Object.entries(SECRETS), ...tokens.flatMap((token, n) => [[`token ${n}`, token], [`signature of token ${n}`, token.split('.')[2]]])]
    .filter(([, secret]) => text.includes(secret.slice(0, 40).toLowerCase()))
    .map(([name]) => name);
  expect(leaks).toEqual([]);
}

function expectTheFlowWasLogged(logs: LogLine[]): void {
  expect(logs.every((line) => line.level >= 30)).toBe(true);
  const requests = logs.filter((line) => line.req !== undefined);
  const statuses = (path: string) => requests.filter((line) => String((line.req as { url: string }).url).startsWith(path)).map((line) => (line.res as { statusCode: number }).statusCode);
  expect(statuses('/api/auth/login')).toEqual(expect.arrayContaining([401, 200, 400, 413]));
  expect(statuses('/api/transfers')).toEqual(expect.arrayContaining([403, 201]));
  // The fault was logged as one, with its error, its query's shape and its place.
  const fault = logs.find((line) => line.msg === 'unhandled error') as (LogLine & { err: { query?: string; parameters?: unknown } }) | undefined;
  expect(fault?.err.query).toMatch(/channels/);
  expect(fault?.err.parameters).toBe('[Redacted]');
}

async function closeAfterTheFault(t: TestApp): Promise<void> {
  // The 500 is the fault this test caused on purpose, and the only answer /docs-json does not promise.
  await expect(t.close()).rejects.toThrow(/^answers that \/docs-json does not document:\nGET \/api\/channels\/search → 500: status not documented[^\n]*$/);
}

/** Runs the whole flow and its fault on an app with these settings, then reads its logs for secrets. */
async function expectNoSecretInLogsOfWholeRun(env: Record<string, string>): Promise<void> {
  const t = await startTestApp(env, { listen: true, captureLogs: true });
  let tokens: string[];
  try {
    tokens = await runWholeFlow(t, t.app.get(DataSource));
  } catch (error) {
    await t.close().catch(() => undefined);
    throw error;
  }
  await closeAfterTheFault(t);
  expectTheFlowWasLogged(t.logs);
  expectNoSecretIn(t.logs, tokens);
}

describe('no password, token or message text in the logs of a whole run (default level, SQLite)', () => {
  it('logs the flow and its fault, and none of the secrets or texts it used', () => expectNoSecretInLogsOfWholeRun({}));
});

describeOnMysql('no password, token or message text in the logs of a whole run (default level, MariaDB)', () => {
  it('logs the flow and its fault, and none of the secrets or texts it used', async () => {
    const schema = await createMysqlSchema();
    try {
      await expectNoSecretInLogsOfWholeRun({ DB: 'mysql', MYSQL_URL: schema.url });
    } finally {
      await schema.drop();
    }
  });
});
