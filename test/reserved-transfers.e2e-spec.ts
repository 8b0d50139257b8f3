import { randomUUID } from 'node:crypto';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';
import { WALLET_PASSWORD, walletClient } from './support/wallet-client';

describe('reserved transfers (HTTP, SQLite, the scheduler every 100 ms)', () => {
  let t: TestApp;
  let mina: SignedInUser;
  let joon: SignedInUser;
  let minaWallet: string;
  let joonWallet: string;
  const as = (user: SignedInUser) => walletClient(t, user);
  const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
  const book = (user: SignedInUser, body: object) => as(user).post('/api/reserved-transfers', body);

  beforeAll(async () => {
    t = await startTestApp({ RESERVED_TRANSFERS_INTERVAL_MS: '100' });
    mina = await signedInUser(t.http, 'Mina');
    joon = await signedInUser(t.http, 'Joon');
    minaWallet = await as(mina).openWallet();
    joonWallet = await as(joon).openWallet();
    await as(mina).deposit(minaWallet, 1_000).expect(201);
  });
  afterAll(() => t.close());

  async function statusOf(user: SignedInUser, id: string, until: (row: { status: string }) => boolean) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const row = (await as(user).get('/api/reserved-transfers').expect(200)).body.find((r: { id: string }) => r.id === id);
      if (until(row)) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`reserved transfer ${id} never got there`);
  }

  it('books one, and the job runs it once it is due; funds are not checked at booking', async () => {
    const base = { fromWalletId: minaWallet, toWalletId: joonWallet, password: WALLET_PASSWORD };
    const ok = await book(mina, { ...base, amount: 300, executeAt: inMs(300) }).expect(201);
    expect(ok.body).toEqual({
      id: expect.any(String),
      fromWalletId: minaWallet,
      toWalletId: joonWallet,
      amount: 300,
      executeAt: expect.any(String),
      repeat: 'NONE',
      status: 'SCHEDULED',
      failureReason: null,
      lastRunAt: null,
      lastResult: null,
      createdAt: expect.any(String),
    });
    const tooMuch = await book(mina, { ...base, amount: 1_000_000, executeAt: inMs(300), repeat: 'NONE' }).expect(201);
    expect(await statusOf(mina, ok.body.id, (row) => row.status !== 'SCHEDULED')).toMatchObject({ status: 'SUCCEEDED', lastResult: 'SUCCEEDED' });
    expect(await statusOf(mina, tooMuch.body.id, (row) => row.status !== 'SCHEDULED')).toMatchObject({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect((await as(joon).get('/api/wallets/me').expect(200)).body.balance).toBe(300);
    await as(mina).del(`/api/reserved-transfers/${ok.body.id}`).expect(409);

    // Issue 9's metrics for the job: runs by result (the failed one too), how late they ran, how many were due.
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^wallet_reserved_transfer_runs_total\{result="succeeded"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_reserved_transfer_runs_total\{result="failed"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_reserved_transfer_lag_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^wallet_reserved_transfers_due \d+$/m);
  });

  it('cancels only my SCHEDULED ones, and a cancelled one never runs', async () => {
    // Due late enough that the five requests before the cancel finish first on a loaded machine
    // (at 400 ms a load average of 14 let it run before the cancel came).
    const booked = await book(mina, { fromWalletId: minaWallet, toWalletId: joonWallet, password: WALLET_PASSWORD, amount: 5, executeAt: inMs(1_500), repeat: 'DAILY' }).expect(201);
    await as(joon).del(`/api/reserved-transfers/${booked.body.id}`).expect(404);
    await as(mina).del(`/api/reserved-transfers/${randomUUID()}`).expect(404);
    await as(mina).del('/api/reserved-transfers/not-an-id').expect(404);
    await as(mina).del(`/api/reserved-transfers/${booked.body.id}`).expect(204);
    await as(mina).del(`/api/reserved-transfers/${booked.body.id}`).expect(409);
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    expect((await as(mina).get('/api/reserved-transfers').expect(200)).body.find((r: { id: string }) => r.id === booked.body.id)).toMatchObject({
      status: 'CANCELLED',
      lastRunAt: null,
    });
    expect((await as(joon).get('/api/reserved-transfers').expect(200)).body).toEqual([]);
  });

  it.each([
    ['a past executeAt', { executeAt: new Date(Date.now() - 1_000).toISOString() }, /future/],
    ['an executeAt that is no date', { executeAt: 'tomorrow' }, /executeAt/],
    ['an unknown repeat', { repeat: 'WEEKLY' }, /repeat/],
    ['the same wallet twice', { toWalletId: 'SELF' }, /differ/],
    ['an amount of 0', { amount: 0 }, /amount/],
  ])('refuses %s with 400, booking nothing', async (_, change, message) => {
    const body = { fromWalletId: minaWallet, toWalletId: joonWallet, password: WALLET_PASSWORD, amount: 5, executeAt: inMs(60_000), ...change };
    if (body.toWalletId === 'SELF') body.toWalletId = minaWallet;
    const before = (await as(mina).get('/api/reserved-transfers').expect(200)).body.length;
    const refused = await book(mina, body).expect(400);
    expect(refused.body.message).toMatch(message);
    expect((await as(mina).get('/api/reserved-transfers').expect(200)).body).toHaveLength(before);
  });

  it('answers 404 for an unknown wallet, then 403 for a wallet I may not spend from or a wrong password', async () => {
    const body = { fromWalletId: minaWallet, toWalletId: joonWallet, password: WALLET_PASSWORD, amount: 5, executeAt: inMs(60_000) };
    await book(mina, { ...body, toWalletId: randomUUID() }).expect(404);
    await book(joon, body).expect(403);
    await book(mina, { ...body, password: 'wrong-pass' }).expect(403);
  });
});
