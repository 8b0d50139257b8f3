import { randomUUID } from 'node:crypto';
import { EventBus } from '@webchat/platform';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';
import { WALLET_PASSWORD, walletClient } from './support/wallet-client';

describe('wallets (HTTP, SQLite)', () => {
  let t: TestApp;
  let mina: SignedInUser;
  let joon: SignedInUser;
  let minaWallet: string;
  let joonWallet: string;
  const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeAll(async () => {
    t = await startTestApp();
    mina = await signedInUser(t.http, 'Mina');
    joon = await signedInUser(t.http, 'Joon');
    minaWallet = await walletClient(t, mina).openWallet();
    joonWallet = await walletClient(t, joon).openWallet();
  });
  afterAll(() => t.close());

  const as = (user: SignedInUser) => walletClient(t, user);

  describe('personal wallets', () => {
    it('opens one per user, empty, and shows it as mine', async () => {
      const me = (await as(mina).get('/api/wallets/me').expect(200)).body;
      expect(me).toEqual({
        id: minaWallet,
        kind: 'PERSONAL',
        balance: 0,
        ownerId: mina.id,
        channelId: null,
        name: null,
        description: null,
        createdAt: expect.stringMatching(/Z$/),
      });
      expect(JSON.stringify(me)).not.toMatch(/pass/i);
      await as(mina).post('/api/wallets', { password: WALLET_PASSWORD }).expect(409);
    });

    it('answers 404 for my wallet before I open one, and 400 for a short password', async () => {
      const newcomer = await signedInUser(t.http, 'New');
      await as(newcomer).get('/api/wallets/me').expect(404);
      await as(newcomer).post('/api/wallets', { password: 'abc' }).expect(400);
      await as(newcomer).post('/api/wallets', { password: 'abcd', extra: 1 }).expect(400);
    });
  });

  describe('deposits, withdrawals and transfers', () => {
    it('deposits, withdraws and transfers with the ledger and balances in step', async () => {
      const deposit = await as(mina).deposit(minaWallet, 10_000).expect(201);
      expect(deposit.body).toEqual({
        wallet: expect.objectContaining({ id: minaWallet, balance: 10_000 }),
        entry: { id: expect.any(String), walletId: minaWallet, type: 'DEPOSIT', amount: 10_000, balanceAfter: 10_000, transferId: null, createdAt: expect.any(String) },
      });
      const withdrawal = await as(mina).withdraw(minaWallet, 1_000).expect(201);
      expect(withdrawal.body.entry).toMatchObject({ type: 'WITHDRAWAL', amount: 1_000, balanceAfter: 9_000 });
      const transfer = await as(mina).transfer(minaWallet, joonWallet, 4_000).expect(201);
      expect(transfer.body).toEqual({ id: expect.any(String), fromWalletId: minaWallet, toWalletId: joonWallet, amount: 4_000, createdAt: expect.any(String) });

      const minaEntries = (await as(mina).get(`/api/wallets/${minaWallet}/entries`).expect(200)).body;
      expect(minaEntries.items.map((e: { type: string; balanceAfter: number }) => [e.type, e.balanceAfter])).toEqual([
        ['TRANSFER_OUT', 5_000],
        ['WITHDRAWAL', 9_000],
        ['DEPOSIT', 10_000],
      ]);
      expect(minaEntries.nextCursor).toBeUndefined();
      const joonEntries = (await as(joon).get(`/api/wallets/${joonWallet}/entries`).expect(200)).body;
      expect(joonEntries.items).toEqual([expect.objectContaining({ type: 'TRANSFER_IN', amount: 4_000, balanceAfter: 4_000, transferId: transfer.body.id })]);
      expect((await as(joon).get('/api/wallets/me').expect(200)).body.balance).toBe(4_000);
    });

    it('pages entries newest first with a cursor', async () => {
      const user = await signedInUser(t.http, 'Pager');
      const wallet = await as(user).openWallet();
      for (const amount of [1, 2, 3, 4, 5]) await as(user).deposit(wallet, amount).expect(201);
      const first = (await as(user).get(`/api/wallets/${wallet}/entries?limit=2`).expect(200)).body;
      expect(first.items.map((e: { amount: number }) => e.amount)).toEqual([5, 4]);
      const second = (await as(user).get(`/api/wallets/${wallet}/entries?limit=2&cursor=${first.nextCursor}`).expect(200)).body;
      expect(second.items.map((e: { amount: number }) => e.amount)).toEqual([3, 2]);
      const last = (await as(user).get(`/api/wallets/${wallet}/entries?limit=2&cursor=${second.nextCursor}`).expect(200)).body;
      expect(last).toEqual({ items: [expect.objectContaining({ amount: 1 })] });
      await as(user).get(`/api/wallets/${wallet}/entries?limit=0`).expect(400);
      await as(user).get(`/api/wallets/${wallet}/entries?limit=101`).expect(400);
      await as(user).get(`/api/wallets/${wallet}/entries?cursor=abc`).expect(400);
    });

    it('follows the error precedence: 400 same wallet, 404 unknown, 403 not allowed or wrong password, 409 funds', async () => {
      const unknown = randomUUID();
      await as(mina).transfer(minaWallet, minaWallet, 1).expect(400);
      await as(mina).transfer(unknown, unknown, 1).expect(400);
      await as(mina).transfer(minaWallet, unknown, 1).expect(404);
      await as(mina).transfer(unknown, joonWallet, 1, undefined, 'wrong-pass').expect(404);
      await as(mina).transfer(joonWallet, minaWallet, 1).expect(403);
      await as(mina).transfer(joonWallet, minaWallet, 1_000_000_000_000, undefined, 'wrong-pass').expect(403);
      await as(mina).transfer(minaWallet, joonWallet, 1, undefined, 'wrong-pass').expect(403);
      const funds = await as(mina).transfer(minaWallet, joonWallet, 1_000_000_000_000).expect(409);
      expect(funds.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'Insufficient funds' });
      await as(mina).withdraw(minaWallet, 1_000_000_000_000).expect(409);
      await as(joon).deposit(minaWallet, 1).expect(403);
      await as(joon).withdraw(minaWallet, 1).expect(403);
      await as(joon).get(`/api/wallets/${minaWallet}/entries`).expect(404);
      await as(joon).get(`/api/wallets/${minaWallet}/participants`).expect(404);
      await as(mina).deposit('not-an-id', 1).expect(404);
    });

    it.each([
      ['zero', 0],
      ['a negative', -5],
      ['a fraction', 1.5],
      ['a string', '100'],
      ['10^13', 10_000_000_000_000],
      ['2^53+1', 2 ** 53 + 1],
      ['null', null],
    ])('refuses %s amount with 400, writing nothing', async (_, amount) => {
      const user = await signedInUser(t.http, 'Bad input');
      const wallet = await as(user).openWallet();
      const target = await as(user).deposit(wallet, 50).expect(201);
      expect(target.body.wallet.balance).toBe(50);
      for (const response of [
        await as(user).deposit(wallet, amount),
        await as(user).withdraw(wallet, amount),
        await as(user).transfer(wallet, joonWallet, amount),
      ]) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/amount/) });
      }
      const entries = (await as(user).get(`/api/wallets/${wallet}/entries`).expect(200)).body.items;
      expect(entries).toHaveLength(1);
    });

    it('refuses ids that are not canonical, unknown fields and a missing password with 400', async () => {
      await as(mina).transfer(minaWallet.toUpperCase(), joonWallet, 1).expect(400);
      await as(mina).post('/api/transfers', { fromWalletId: minaWallet, toWalletId: joonWallet, amount: 1 }, randomUUID()).expect(400);
      await as(mina).post(`/api/wallets/${minaWallet}/deposits`, { amount: 1, note: 'x' }, randomUUID()).expect(400);
    });
  });

  describe('Idempotency-Key', () => {
    it('is required, 1–100 characters', async () => {
      const missing = await as(mina).post(`/api/wallets/${minaWallet}/deposits`, { amount: 1 }).expect(400);
      expect(missing.body.message).toMatch(/Idempotency-Key/);
      await as(mina).deposit(minaWallet, 1, 'k'.repeat(101)).expect(400);
      await as(mina).deposit(minaWallet, 1, 'k'.repeat(100)).expect(201);
    });

    it('replays the first answer, status and body, and never moves money twice', async () => {
      const user = await signedInUser(t.http, 'Retry');
      const wallet = await as(user).openWallet();
      const key = randomUUID();
      const first = await as(user).deposit(wallet, 700, key).expect(201);
      const again = await as(user).deposit(wallet, 700, key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect((await as(user).get(`/api/wallets/${wallet}/entries`).expect(200)).body.items).toHaveLength(1);

      const transferKey = randomUUID();
      const transferred = await as(user).transfer(wallet, joonWallet, 300, transferKey).expect(201);
      expect((await as(user).transfer(wallet, joonWallet, 300, transferKey).expect(201)).body).toEqual(transferred.body);
      expect(await as(user).balance(wallet)).toBe(400);
    });

    it('replays a 4xx answer even once the request would succeed', async () => {
      const user = await signedInUser(t.http, 'Poor');
      const wallet = await as(user).openWallet();
      const key = randomUUID();
      const refused = await as(user).withdraw(wallet, 100, key).expect(409);
      await as(user).deposit(wallet, 500).expect(201);
      const replay = await as(user).withdraw(wallet, 100, key).expect(409);
      expect(replay.body).toEqual(refused.body);
      expect(await as(user).balance(wallet)).toBe(500);
    });

    it('answers 422 for the same key with another body, and scopes keys to user and route', async () => {
      const key = randomUUID();
      await as(mina).deposit(minaWallet, 10, key).expect(201);
      const reused = await as(mina).deposit(minaWallet, 11, key).expect(422);
      expect(reused.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: expect.stringMatching(/Idempotency-Key/) });
      await as(joon).deposit(joonWallet, 10, key).expect(201);
      await as(mina).withdraw(minaWallet, 10, key).expect(201);
    });

    it('answers 409 to a repeat while the first is still running, and one of them moves the money', async () => {
      const user = await signedInUser(t.http, 'Eager');
      const wallet = await as(user).openWallet();
      const key = randomUUID();
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => as(user).deposit(wallet, 5, key)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(statuses).toContain(201);
      expect(await as(user).balance(wallet)).toBe(5);
    });
  });

  it('counts money moves by outcome and times their locks and transactions in /metrics', async () => {
    await as(mina).deposit(minaWallet, 1).expect(201);
    await as(mina).withdraw(minaWallet, 1_000_000_000_000).expect(409);
    await as(mina).transfer(minaWallet, joonWallet, 1).expect(201);
    await as(mina).transfer(minaWallet, joonWallet, 1_000_000_000_000).expect(409);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    // Transfers by outcome (issue 9, point 7).
    expect(metrics).toMatch(/^wallet_requests_total\{kind="transfer",outcome="succeeded"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_requests_total\{kind="transfer",outcome="insufficient_funds"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_money_moves_total\{outcome="committed"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_money_moves_total\{outcome="rejected"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_lock_wait_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^wallet_transaction_duration_seconds_count\{outcome="committed"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_requests_total\{kind="deposit",outcome="succeeded"\} [1-9]/m);
    expect(metrics).toMatch(/^wallet_requests_total\{kind="withdrawal",outcome="insufficient_funds"\} [1-9]/m);
    expect(metrics).toContain('wallet_reserved_transfer_lag_seconds');
    expect(metrics).toContain('wallet_reserved_transfers_due');
  });

  describe('group wallets', () => {
    it('lets channel members create, list and join them; the creator is ADMIN; only the ADMIN spends', async () => {
      const channel = (await t.http.post('/api/channels').set('authorization', `Bearer ${mina.token}`).send({ name: 'Club' }).expect(201)).body;
      const outsider = await signedInUser(t.http, 'Outsider');
      await as(outsider).post(`/api/channels/${channel.id}/wallets`, { name: 'Dues', password: WALLET_PASSWORD }).expect(404);
      const wallet = (await as(mina).post(`/api/channels/${channel.id}/wallets`, { name: ' Dues ', description: 'Monthly', password: WALLET_PASSWORD }).expect(201)).body;
      expect(wallet).toMatchObject({ kind: 'GROUP', channelId: channel.id, name: 'Dues', description: 'Monthly', balance: 0, ownerId: null });
      expect((await as(mina).get(`/api/channels/${channel.id}/wallets`).expect(200)).body).toEqual([wallet]);
      await as(outsider).get(`/api/channels/${channel.id}/wallets`).expect(404);

      await as(joon).post(`/api/wallets/${wallet.id}/participants`).expect(403);
      await t.http.post(`/api/channels/${channel.id}/join`).set('authorization', `Bearer ${joon.token}`).send({}).expect(200);
      expect((await as(joon).post(`/api/wallets/${wallet.id}/participants`).expect(201)).body).toEqual({ userId: joon.id, role: 'MEMBER' });
      await as(joon).post(`/api/wallets/${wallet.id}/participants`).expect(200);
      expect((await as(joon).get(`/api/wallets/${wallet.id}/participants`).expect(200)).body).toEqual([
        { userId: mina.id, role: 'ADMIN' },
        { userId: joon.id, role: 'MEMBER' },
      ]);
      await as(outsider).get(`/api/wallets/${wallet.id}/participants`).expect(404);

      await as(joon).deposit(wallet.id, 1_000).expect(201);
      await as(outsider).deposit(wallet.id, 1_000).expect(403);
      await as(joon).withdraw(wallet.id, 10).expect(403);
      await as(joon).transfer(wallet.id, joonWallet, 10).expect(403);
      await as(outsider).transfer(wallet.id, joonWallet, 10).expect(403);
      await as(mina).transfer(wallet.id, joonWallet, 10).expect(201);
      await as(mina).withdraw(wallet.id, 10).expect(201);
      expect(await as(joon).balance(wallet.id)).toBe(980);
    });

    it('passes ADMIN to the channel owner when the ADMIN leaves, and keeps the last member while the wallet holds money', async () => {
      const channels = (user: SignedInUser) => ({
        post: (path: string) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send({}),
      });
      const channel = (await t.http.post('/api/channels').set('authorization', `Bearer ${mina.token}`).send({ name: 'Trip' }).expect(201)).body;
      await channels(joon).post(`/api/channels/${channel.id}/join`).expect(200);
      const wallet = (await as(joon).post(`/api/channels/${channel.id}/wallets`, { name: 'Trip fund', password: WALLET_PASSWORD }).expect(201)).body;
      await as(joon).deposit(wallet.id, 100).expect(201);

      await channels(joon).post(`/api/channels/${channel.id}/leave`).expect(204);
      await flush();
      expect((await as(mina).get(`/api/wallets/${wallet.id}/participants`).expect(200)).body).toEqual([{ userId: mina.id, role: 'ADMIN' }]);
      await as(mina).withdraw(wallet.id, 40).expect(201);

      const left = await channels(mina).post(`/api/channels/${channel.id}/leave`).expect(409);
      expect(left.body.message).toMatch(/holds money/);
      await as(mina).withdraw(wallet.id, 60).expect(201);
      await channels(mina).post(`/api/channels/${channel.id}/leave`).expect(204);
    });

    it('passes ADMIN in the leave’s own transaction: a channel event lost after the leave loses no hand-over', async () => {
      const post = (user: SignedInUser, path: string) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send({});
      const channel = (await post(mina, '/api/channels').send({ name: 'Lost events' }).expect(201)).body;
      await post(joon, `/api/channels/${channel.id}/join`).expect(200);
      const wallet = (await as(joon).post(`/api/channels/${channel.id}/wallets`, { name: 'Kitty', password: WALLET_PASSWORD }).expect(201)).body;
      await as(joon).deposit(wallet.id, 100).expect(201);
      // As if the node died right after the commit, or the bus were down: no channel event goes out.
      const dropped = jest.spyOn(t.app.get(EventBus), 'publish').mockResolvedValue(undefined);
      let droppedEvents = 0;
      try {
        await post(joon, `/api/channels/${channel.id}/leave`).expect(204);
        droppedEvents = dropped.mock.calls.length;
      } finally {
        dropped.mockRestore();
      }
      expect(droppedEvents).toBeGreaterThan(0);
      expect((await as(mina).get(`/api/wallets/${wallet.id}/participants`).expect(200)).body).toEqual([{ userId: mina.id, role: 'ADMIN' }]);
      await as(joon).withdraw(wallet.id, 10).expect(403);
      await as(mina).withdraw(wallet.id, 10).expect(201);
    });
  });
});
