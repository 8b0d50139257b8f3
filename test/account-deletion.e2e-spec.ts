import { AuditWallets } from '@webchat/wallet';
import { DataSource } from 'typeorm';
import { bearer, handshakeWith, logInAgain, serverDisconnect } from './support/account-client';
import { connectChat } from './support/chat-client';
import { describeOnKafkaAndMysql, twoKafkaNodes } from './support/cluster-node-env';
import { storedNotice, storeMessages } from './support/chat-messages';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';
import { WALLET_PASSWORD, walletClient } from './support/wallet-client';

/** DELETE /api/users/me (DESIGN §5, issue 12 point 4), the same cases on each store. */
function deletionCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  const as = (user: SignedInUser) => walletClient(t, user);
  const remove = (user: SignedInUser, body: object = { password: user.password }) => t.http.delete('/api/users/me').set(bearer(user.token)).send(body);
  const count = async (sql: string, ...parameters: string[]) => Number((await t.app.get(DataSource).query(sql, parameters))[0].n);
  /** The channel's owner and its members' ids in joining order, as a member sees them. */
  const membersOf = async (viewer: SignedInUser, channelId: string) => ({
    ownerId: (await as(viewer).get(`/api/channels/${channelId}`).expect(200)).body.ownerId,
    members: ((await as(viewer).get(`/api/channels/${channelId}/members`).expect(200)).body as Array<{ id: string }>).map((member) => member.id),
  });
  const contactIds = async (user: SignedInUser) => ((await as(user).get('/api/contacts').expect(200)).body as Array<{ id: string }>).map((contact) => contact.id);
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  /** A user with a channel of their own (with a member), a contact both ways and a reserved transfer: what a refusal must leave as it was. */
  async function settledUser() {
    const user = await signedInUser(t.http, 'Settled');
    const friend = await signedInUser(t.http, 'Friend');
    const channel = (await as(user).post('/api/channels', { name: 'Mine' }).expect(201)).body;
    await as(friend).post(`/api/channels/${channel.id}/join`).expect(200);
    await as(user).post('/api/contacts', { email: friend.email }).expect(201);
    await as(friend).post('/api/contacts', { email: user.email }).expect(201);
    const wallet = await as(user).openWallet();
    const friendWallet = await as(friend).openWallet();
    await as(user).post('/api/reserved-transfers', { fromWalletId: wallet, toWalletId: friendWallet, amount: 1, password: WALLET_PASSWORD, executeAt: inAnHour() }).expect(201);
    return { user, friend, channel, wallet };
  }

  async function expectUnchanged({ user, friend, channel }: Awaited<ReturnType<typeof settledUser>>): Promise<void> {
    await t.http.get('/api/users/me').set(bearer(user.token)).expect(200);
    expect(await membersOf(user, channel.id)).toEqual({ ownerId: user.id, members: [user.id, friend.id] });
    expect(await contactIds(user)).toEqual([friend.id]);
    expect(await contactIds(friend)).toEqual([user.id]);
    expect((await as(user).get('/api/reserved-transfers').expect(200)).body).toHaveLength(1);
  }

  it('answers 403 for a wrong password and 400 without one, and changes nothing', async () => {
    const settled = await settledUser();
    expect((await remove(settled.user, { password: 'not-my-password' }).expect(403)).body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Wrong password' });
    expect((await remove(settled.user, {}).expect(400)).body.message).toMatch(/password must be a string/);
    await remove(settled.user, { password: 12345678 }).expect(400);
    await remove(settled.user, { password: settled.user.password, extra: 1 }).expect(400);
    await expectUnchanged(settled);
  });

  it('answers 401 without a token', async () => {
    await t.http.delete('/api/users/me').send({ password: 'password-123' }).expect(401);
  });

  it('answers 409 while the personal wallet holds money, and changes nothing; once emptied, the account goes', async () => {
    const settled = await settledUser();
    await as(settled.user).deposit(settled.wallet, 50).expect(201);
    expect((await remove(settled.user).expect(409)).body.message).toMatch(/personal wallet holds money/);
    await expectUnchanged(settled);
    expect(await as(settled.user).balance(settled.wallet)).toBe(50);

    await as(settled.user).withdraw(settled.wallet, 50).expect(201);
    await remove(settled.user).expect(204);
    expect((await t.app.get(AuditWallets).execute()).problems).toEqual([]);
  });

  it('answers 409 while ADMIN of a group wallet that holds money, and changes nothing (not even the ADMIN)', async () => {
    const settled = await settledUser();
    const pot = (await as(settled.user).post(`/api/channels/${settled.channel.id}/wallets`, { name: 'Pot', password: WALLET_PASSWORD }).expect(201)).body;
    await as(settled.friend).post(`/api/wallets/${pot.id}/participants`).expect(201);
    await as(settled.friend).deposit(pot.id, 70).expect(201);
    expect((await remove(settled.user).expect(409)).body.message).toMatch(/ADMIN of a group wallet that holds money/);
    await expectUnchanged(settled);
    expect((await as(settled.user).get(`/api/wallets/${pot.id}/participants`).expect(200)).body).toEqual([
      { userId: settled.user.id, role: 'ADMIN' },
      { userId: settled.friend.id, role: 'MEMBER' },
    ]);
  });

  it('deletes the account: memberships (owned channel passed on, direct channel gone), contacts both ways, wallets, reserved transfers, tokens, sockets; history shows "deleted user"; the email signs up again', async () => {
    const gone = await signedInUser(t.http, 'Leaving Lee');
    const keeper = await signedInUser(t.http, 'Keeper');
    const host = await signedInUser(t.http, 'Host');
    const owned = (await as(gone).post('/api/channels', { name: 'Owned by Lee' }).expect(201)).body;
    await as(keeper).post(`/api/channels/${owned.id}/join`).expect(200);
    const hosted = (await as(host).post('/api/channels', { name: 'Hosted' }).expect(201)).body;
    await as(gone).post(`/api/channels/${hosted.id}/join`).expect(200);
    // The join notices come first in both histories (seq 1).
    await storedNotice(t, owned.id, 'Keeper joined');
    await storedNotice(t, hosted.id, 'Leaving Lee joined');
    const direct = (await as(gone).post('/api/channels/direct', { userId: keeper.id }).expect(201)).body;
    await as(gone).post('/api/contacts', { email: keeper.email }).expect(201);
    await as(keeper).post('/api/contacts', { email: gone.email }).expect(201);

    // A personal wallet with history but empty (closed, not deleted: its entries stay for the audit), an empty group wallet Lee is ADMIN of.
    const wallet = await as(gone).openWallet();
    const keeperWallet = await as(keeper).openWallet();
    await as(gone).deposit(wallet, 100).expect(201);
    await as(gone).transfer(wallet, keeperWallet, 100).expect(201);
    const pot = (await as(gone).post(`/api/channels/${owned.id}/wallets`, { name: 'Pot', password: WALLET_PASSWORD }).expect(201)).body;
    await as(gone).post('/api/reserved-transfers', { fromWalletId: wallet, toWalletId: keeperWallet, amount: 5, password: WALLET_PASSWORD, executeAt: inAnHour() }).expect(201);
    await storeMessages(t, owned.id, gone, 'hello from Lee', 'bye for now');
    await storeMessages(t, owned.id, keeper, 'hi Lee');
    await storeMessages(t, hosted.id, gone, 'last word in hosted');

    const otherToken = await logInAgain(t.http, gone);
    const socket = await connectChat(t.url, otherToken);
    sockets.keep(socket);
    const disconnected = serverDisconnect(socket);

    await remove(gone).expect(204);

    expect(await disconnected).toBe('io server disconnect');
    for (const token of [gone.token, otherToken]) {
      await t.http.get('/api/users/me').set(bearer(token)).expect(401);
      expect(await handshakeWith(t.url, token, connectChat)).toBe('unauthorized');
    }
    await t.http.post('/api/auth/login').send({ email: gone.email, password: gone.password }).expect(401);

    expect(await membersOf(keeper, owned.id)).toEqual({ ownerId: keeper.id, members: [keeper.id] });
    expect(await membersOf(host, hosted.id)).toEqual({ ownerId: host.id, members: [host.id] });
    await as(keeper).get(`/api/channels/${direct.id}`).expect(404);
    expect(((await as(keeper).get('/api/channels').expect(200)).body as Array<{ id: string }>).map((channel) => channel.id)).toEqual([owned.id]);
    expect(await contactIds(keeper)).toEqual([]);
    expect(await count('SELECT COUNT(*) AS n FROM contacts WHERE owner_id = ? OR contact_id = ?', gone.id, gone.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM reserved_transfers WHERE booked_by_id = ?', gone.id)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM wallet_participants WHERE user_id = ?', gone.id)).toBe(0);
    expect((await as(keeper).get(`/api/wallets/${pot.id}/participants`).expect(200)).body).toEqual([{ userId: keeper.id, role: 'ADMIN' }]);
    // The closed wallet takes no money and is shown to no one; its ledger stays, and the audit balances.
    await as(keeper).transfer(keeperWallet, wallet, 1).expect(404);
    expect(await count('SELECT COUNT(*) AS n FROM ledger_entries WHERE wallet_id = ?', wallet)).toBe(2);
    expect((await t.app.get(AuditWallets).execute()).problems).toEqual([]);

    // The leave notices of the deletion name the account as it is by then: deleted.
    await storedNotice(t, owned.id, 'deleted user left');
    await storedNotice(t, hosted.id, 'deleted user left');
    const history = (await as(keeper).get(`/api/channels/${owned.id}/messages`).expect(200)).body.items as Array<{ senderId: string; senderName: string; text: string }>;
    expect(history.map(({ senderId, senderName, text }) => ({ senderId, senderName, text }))).toEqual([
      { senderId: null, senderName: 'system', text: 'Keeper joined' },
      { senderId: gone.id, senderName: 'deleted user', text: 'hello from Lee' },
      { senderId: gone.id, senderName: 'deleted user', text: 'bye for now' },
      { senderId: keeper.id, senderName: 'Keeper', text: 'hi Lee' },
      { senderId: null, senderName: 'system', text: 'deleted user left' },
    ]);
    const found = (await as(keeper).get(`/api/channels/${owned.id}/messages/search`).query({ q: 'bye' }).expect(200)).body.items;
    expect(found).toEqual([expect.objectContaining({ senderId: gone.id, senderName: 'deleted user', text: 'bye for now' })]);
    // Lee's last word in Hosted shows "deleted user"; the channel's last message is now the notice of the leave.
    const hostedHistory = (await as(host).get(`/api/channels/${hosted.id}/messages`).expect(200)).body.items as Array<{ senderName: string; text: string }>;
    expect(hostedHistory.map(({ senderName, text }) => [senderName, text])).toEqual([
      ['system', 'Leaving Lee joined'],
      ['deleted user', 'last word in hosted'],
      ['system', 'deleted user left'],
    ]);
    const hostsChannels = (await as(host).get('/api/channels').expect(200)).body as Array<{ id: string; lastMessage: { senderName: string } | null }>;
    expect(hostsChannels.find((channel) => channel.id === hosted.id)?.lastMessage).toMatchObject({ type: 'SYSTEM', senderName: 'system', text: 'deleted user left' });

    const again = await t.http.post('/api/auth/signup').send({ email: gone.email, username: 'Lee again', password: 'another-password' }).expect(201);
    expect(again.body.id).not.toBe(gone.id);
    await logInAgain(t.http, { email: gone.email, password: 'another-password' });
  });

  it('deletes the last member of a channel with the channel, and an account that never had a wallet', async () => {
    const loner = await signedInUser(t.http, 'Loner');
    const channel = (await as(loner).post('/api/channels', { name: 'Solo' }).expect(201)).body;
    const onlooker = await signedInUser(t.http, 'Onlooker');
    await remove(loner).expect(204);
    await as(onlooker).get(`/api/channels/${channel.id}`).expect(404);
  });
}

describeOnEachStore('account deletion', deletionCases);

describeOnKafkaAndMysql('account deletion across two nodes (BUS=kafka)', () => {
  const cluster = twoKafkaNodes((env) => startTestApp(env, { listen: true }));
  const sockets = socketsClosedAfterEach();

  it('a deletion on node 1 disconnects every socket of the user on node 2; node 2 refuses the tokens and shows "deleted user"', async () => {
    const [first, second] = cluster.nodes();
    const gone = await signedInUser(first.http, 'Roaming Lee');
    const peer = await signedInUser(second.http, 'Peer');
    const channel = (await first.http.post('/api/channels').set(bearer(gone.token)).send({ name: 'Across' }).expect(201)).body;
    await second.http.post(`/api/channels/${channel.id}/join`).set(bearer(peer.token)).send({}).expect(200);
    await storedNotice(first, channel.id, 'Peer joined');
    await storeMessages(first, channel.id, gone, 'sent before leaving');
    const otherToken = await logInAgain(second.http, gone);
    const onSecond = [await connectChat(second.url, gone.token), await connectChat(second.url, otherToken)];
    onSecond.forEach(sockets.keep);
    const disconnected = onSecond.map(serverDisconnect);

    await first.http.delete('/api/users/me').set(bearer(gone.token)).send({ password: gone.password }).expect(204);

    expect(await Promise.all(disconnected)).toEqual(['io server disconnect', 'io server disconnect']);
    for (const token of [gone.token, otherToken]) {
      await second.http.get('/api/users/me').set(bearer(token)).expect(401);
      expect(await handshakeWith(second.url, token, connectChat)).toBe('unauthorized');
    }
    await storedNotice(second, channel.id, 'deleted user left');
    const history = (await second.http.get(`/api/channels/${channel.id}/messages`).set(bearer(peer.token)).expect(200)).body.items;
    expect(history).toEqual([
      expect.objectContaining({ seq: 1, type: 'SYSTEM', text: 'Peer joined' }),
      expect.objectContaining({ seq: 2, senderId: gone.id, senderName: 'deleted user', text: 'sent before leaving' }),
      expect.objectContaining({ seq: 3, type: 'SYSTEM', text: 'deleted user left' }),
    ]);
    expect((await second.http.get(`/api/channels/${channel.id}`).set(bearer(peer.token)).expect(200)).body).toMatchObject({ ownerId: peer.id, memberCount: 1 });
  });
});
