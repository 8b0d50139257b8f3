import { randomUUID } from 'node:crypto';
import { MessageStore } from '@webchat/chat';
import { bearer } from './support/account-client';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { storedNotice } from './support/chat-messages';
import { describeOnKafkaAndMysql, twoKafkaNodes } from './support/cluster-node-env';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';

interface MessageJson {
  id: string;
  channelId: string;
  seq: number;
  type: string;
  senderId: string | null;
  senderName: string;
  text: string;
  clientMsgId: string | null;
  replyTo: unknown;
  unreadCount: number;
}

const shown = (messages: readonly MessageJson[]) => messages.map((message) => [message.seq, message.type, message.text]);

/** SYSTEM notices of joins, leaves and invites (DESIGN §5), the same cases on each store. */
function noticeCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  const as = (user: SignedInUser) => ({
    get: (path: string) => t.http.get(path).set(bearer(user.token)).expect(200),
    post: (path: string, body: object = {}) => t.http.post(path).set(bearer(user.token)).send(body),
  });
  const historyOf = async (user: SignedInUser, channelId: string) => (await as(user).get(`/api/channels/${channelId}/messages`)).body.items as MessageJson[];
  const unreadOf = async (user: SignedInUser, channelId: string) =>
    ((await as(user).get('/api/channels')).body as Array<{ id: string; unreadCount: number }>).find((channel) => channel.id === channelId)?.unreadCount;

  it('writes join, invite and leave notices with seqs of their own, no gaps, live to members, never unread, never found', async () => {
    const [owner, ana, ben, cho] = await Promise.all(['Owner', 'Ana', 'Ben', 'Cho'].map((name) => signedInUser(t.http, name)));
    const channelId = (await as(owner).post('/api/channels', { name: 'Notices' }).expect(201)).body.id as string;
    const ownerSocket = sockets.keep(await connectChat(t.url, owner.token));
    const ownerSees = collect<MessageJson>(ownerSocket, 'message:new');

    await as(ana).post(`/api/channels/${channelId}/join`).expect(200);
    await as(owner).post(`/api/channels/${channelId}/members`, { userIds: [ben.id, cho.id] }).expect(200);
    await storedNotice(t, channelId, 'Owner invited Ben and Cho');
    const anaSocket = sockets.keep(await connectChat(t.url, ana.token));
    const said = await ask<{ ok: boolean; message: MessageJson }>(anaSocket, 'message:send', { channelId, clientMsgId: randomUUID(), text: 'hello, who joined?' });
    expect(said).toMatchObject({ ok: true, message: { seq: 3 } });
    await as(ben).post(`/api/channels/${channelId}/leave`).expect(204);
    await storedNotice(t, channelId, 'Ben left');

    const history = await historyOf(owner, channelId);
    expect(shown(history)).toEqual([
      [1, 'SYSTEM', 'Ana joined'],
      [2, 'SYSTEM', 'Owner invited Ben and Cho'],
      [3, 'TEXT', 'hello, who joined?'],
      [4, 'SYSTEM', 'Ben left'],
    ]);
    for (const notice of history.filter((message) => message.type === 'SYSTEM')) {
      expect(notice).toMatchObject({ channelId, senderId: null, senderName: 'system', clientMsgId: null, replyTo: null, unreadCount: 0 });
    }
    await eventually(() => ownerSees.length === 4, 'four message:new at the owner');
    expect(shown(ownerSees)).toEqual(shown(history));
    // Only Ana's TEXT counts: for the owner (mark 0) and for Cho (invited at seq 1).
    expect(await unreadOf(owner, channelId)).toBe(1);
    expect(await unreadOf(cho, channelId)).toBe(1);
    expect(await unreadOf(ana, channelId)).toBe(0);
    for (const q of ['joined', 'invited', 'left', 'Ben']) {
      expect({ q, items: (await as(owner).get(`/api/channels/${channelId}/messages/search?q=${q}`)).body.items }).toEqual({
        q,
        items: q === 'joined' ? [expect.objectContaining({ seq: 3, type: 'TEXT' })] : [],
      });
    }
  });

  it('names members as they were called then: a later rename leaves the notice as it was', async () => {
    const [owner, mina] = [await signedInUser(t.http, 'Owner'), await signedInUser(t.http, 'Mina')];
    const channelId = (await as(owner).post('/api/channels', { name: 'Names' }).expect(201)).body.id as string;
    await as(mina).post(`/api/channels/${channelId}/join`).expect(200);
    await storedNotice(t, channelId, 'Mina joined');
    await t.http.patch('/api/users/me').set(bearer(mina.token)).send({ username: '민아' }).expect(200);
    await as(mina).post(`/api/channels/${channelId}/leave`).expect(204);
    await storedNotice(t, channelId, '민아 left');
    expect(shown(await historyOf(owner, channelId))).toEqual([
      [1, 'SYSTEM', 'Mina joined'],
      [2, 'SYSTEM', '민아 left'],
    ]);
  });

  it('writes none in a direct channel, nor for the leave that deletes a channel', async () => {
    const [eun, finn] = [await signedInUser(t.http, 'Eun'), await signedInUser(t.http, 'Finn')];
    const direct = (await as(eun).post('/api/channels/direct', { userId: finn.id }).expect(201)).body.id as string;
    const alone = (await as(eun).post('/api/channels', { name: 'Alone' }).expect(201)).body.id as string;
    await as(eun).post(`/api/channels/${alone}/leave`).expect(204);
    // A notice that was written would be on the log by now and stored a moment later: wait for the
    // notice of a later change, which goes through the same pipeline.
    const later = (await as(eun).post('/api/channels', { name: 'Later' }).expect(201)).body.id as string;
    await as(finn).post(`/api/channels/${later}/join`).expect(200);
    await storedNotice(t, later, 'Finn joined');
    const store = t.app.get(MessageStore);
    expect(await store.pageLatest(direct, 10)).toEqual([]);
    expect(await store.pageLatest(alone, 10)).toEqual([]);
    expect(await historyOf(finn, direct)).toEqual([]);
  });
}

describeOnEachStore('membership notices', noticeCases);

describeOnKafkaAndMysql('membership notices across two nodes (BUS=kafka)', () => {
  const cluster = twoKafkaNodes((env) => startTestApp(env, { listen: true }));
  const sockets = socketsClosedAfterEach();

  it('writes one join notice per join, delivered once to the members on each node; a reply quotes across nodes', async () => {
    const [first, second] = cluster.nodes();
    const owner = await signedInUser(first.http, 'Owner');
    const peer = await signedInUser(second.http, 'Peer');
    const guest = await signedInUser(second.http, 'Guest');
    const channelId = (await first.http.post('/api/channels').set(bearer(owner.token)).send({ name: 'Two nodes' }).expect(201)).body.id as string;
    await second.http.post(`/api/channels/${channelId}/join`).set(bearer(peer.token)).send({}).expect(200);
    await storedNotice(first, channelId, 'Peer joined');
    const ownerSocket = sockets.keep(await connectChat(first.url, owner.token));
    const peerSocket = sockets.keep(await connectChat(second.url, peer.token));
    const ownerSees = collect<MessageJson>(ownerSocket, 'message:new');
    const peerSees = collect<MessageJson>(peerSocket, 'message:new');

    await second.http.post(`/api/channels/${channelId}/join`).set(bearer(guest.token)).send({}).expect(200);
    await eventually(() => ownerSees.length >= 1 && peerSees.length >= 1, 'the join notice on both nodes', 10_000);
    const quoted = await ask<{ ok: boolean; message: MessageJson }>(ownerSocket, 'message:send', { channelId, clientMsgId: 'q', text: 'from node 1' });
    const guestSocket = sockets.keep(await connectChat(second.url, guest.token));
    const reply = await ask<{ ok: boolean; message: MessageJson }>(guestSocket, 'message:send', { channelId, clientMsgId: 'r', text: 'from node 2', replyToId: quoted.message.id });
    await eventually(() => ownerSees.length >= 3 && peerSees.length >= 3, 'the messages on both nodes', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));

    const expected = [
      [2, 'SYSTEM', 'Guest joined'],
      [3, 'TEXT', 'from node 1'],
      [4, 'TEXT', 'from node 2'],
    ];
    expect(shown(ownerSees)).toEqual(expected);
    expect(shown(peerSees)).toEqual(expected);
    expect(ownerSees[2].replyTo).toEqual({ id: quoted.message.id, seq: 3, senderName: 'Owner', snippet: 'from node 1' });
    expect(reply.message.replyTo).toEqual(ownerSees[2].replyTo);
    const stored = await first.app.get(MessageStore).pageLatest(channelId, 10);
    expect(stored.map((message) => [message.seq, message.type, message.text])).toEqual([[1, 'SYSTEM', 'Peer joined'], ...expected]);
  });
});
