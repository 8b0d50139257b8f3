import { CheckMessageAccess } from '@webchat/channel';
import { MessageStore } from '@webchat/chat';
import type { Socket } from 'socket.io-client';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { storedNotice } from './support/chat-messages';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

interface MessageJson {
  id: string;
  channelId: string;
  seq: number;
  type: string;
  senderId: string;
  senderName: string;
  text: string;
  clientMsgId: string;
  createdAt: string;
}
type SendAck = { ok: true; message: MessageJson } | { ok: false; error: { code: string; message: string } };

describe('chat over socket.io (embedded: SQLite, in-process bus)', () => {
  let server: TestApp;
  let sockets: Socket[] = [];
  const auth = (user: SignedInUser) => ({ authorization: `Bearer ${user.token}` });
  const connect = async (user: SignedInUser) => {
    const socket = await connectChat(server.url, user.token);
    sockets.push(socket);
    return socket;
  };
  const send = (socket: Socket, channelId: string, text: string, clientMsgId = `c-${Math.random()}`) =>
    ask<SendAck>(socket, 'message:send', { channelId, clientMsgId, text });
  const createChannel = async (owner: SignedInUser, ...members: SignedInUser[]) => {
    const channel = (await server.http.post('/api/channels').set(auth(owner)).send({ name: 'room' }).expect(201)).body;
    for (const member of members) await server.http.post(`/api/channels/${channel.id}/join`).set(auth(member)).send({}).expect(200);
    // Seqs 1 … members.length: the join notices, stored in join order, before anyone connects.
    if (members.length > 0) await storedNotice(server, channel.id, `${members[members.length - 1].username} joined`);
    return channel.id as string;
  };

  beforeAll(async () => {
    server = await startTestApp({ RATE_LIMIT_REST_PER_SECOND: '10000', RATE_LIMIT_REST_BURST: '100000' }, { listen: true });
  });
  afterEach(() => {
    for (const socket of sockets) socket.close();
    sockets = [];
  });
  afterAll(() => server.close());

  it('refuses a handshake without a valid token with connect_error "unauthorized"', async () => {
    await expect(connectChat(server.url, undefined)).rejects.toThrow('unauthorized');
    await expect(connectChat(server.url, 'not-a-token')).rejects.toThrow('unauthorized');
  });

  it('acks a send with the stored message and delivers it to the other member, as history holds it', async () => {
    const [mina, joon] = [await signedInUser(server.http, '민아'), await signedInUser(server.http, 'Joon')];
    const channelId = await createChannel(mina, joon);
    const [minaSocket, joonSocket] = [await connect(mina), await connect(joon)];
    const received = collect<MessageJson>(joonSocket, 'message:new');

    const ack = await send(minaSocket, channelId, '안녕하세요 👋', 'first');

    expect(ack).toEqual({
      ok: true,
      message: {
        id: expect.any(String),
        channelId,
        // Seq 1 is the notice of Joon's join.
        seq: 2,
        type: 'TEXT',
        senderId: mina.id,
        senderName: '민아',
        text: '안녕하세요 👋',
        clientMsgId: 'first',
        replyTo: null,
        editedAt: null,
        deletedAt: null,
        // Joon has not read it yet.
        unreadCount: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      },
    });
    await eventually(() => received.length === 1, 'message:new at the other member');
    expect(received[0]).toEqual(ack.ok && ack.message);
    const stored = await server.app.get(MessageStore).pageLatest(channelId, 10);
    expect(stored.map((message) => [message.seq, message.type, message.text])).toEqual([
      [1, 'SYSTEM', 'Joon joined'],
      [2, 'TEXT', '안녕하세요 👋'],
    ]);
    expect(stored[1].id).toBe(ack.ok && ack.message.id);
  });

  it('delivers 500 concurrent sends to the other member exactly once each, in seq order, with no gap', async () => {
    const [ana, ben] = [await signedInUser(server.http, 'Ana'), await signedInUser(server.http, 'Ben')];
    const channelId = await createChannel(ana, ben);
    const [anaSocket, benSocket] = [await connect(ana), await connect(ben)];
    const received = collect<MessageJson>(benSocket, 'message:new');

    const acks = await Promise.all(Array.from({ length: 500 }, (_, n) => send(anaSocket, channelId, `message ${n}`, `m-${n}`)));

    expect(acks.every((ack) => ack.ok)).toBe(true);
    const ackedSeqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((a, b) => a - b);
    // Seq 1 is Ben's join notice.
    expect(ackedSeqs).toEqual(Array.from({ length: 500 }, (_, n) => n + 2));
    await eventually(() => received.length >= 500, '500 deliveries');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((message) => message.seq)).toEqual(ackedSeqs);
    // Sends of one socket keep their order: message n got seq n + 2.
    expect(received.map((message) => message.text)).toEqual(Array.from({ length: 500 }, (_, n) => `message ${n}`));
  });

  it('stores one message for three sends of the same clientMsgId, and acks each with it', async () => {
    const [cho, dan] = [await signedInUser(server.http, 'Cho'), await signedInUser(server.http, 'Dan')];
    const channelId = await createChannel(cho, dan);
    const [choSocket, danSocket] = [await connect(cho), await connect(dan)];
    const received = collect<MessageJson>(danSocket, 'message:new');

    const acks = await Promise.all([1, 2, 3].map(() => send(choSocket, channelId, 'once', 'retry-me')));
    const later = await send(choSocket, channelId, 'once', 'retry-me');

    const ids = [...acks, later].map((ack) => (ack.ok ? ack.message.id : 'failed'));
    expect(new Set(ids).size).toBe(1);
    expect((await server.app.get(MessageStore).pageLatest(channelId, 10)).map((message) => message.type)).toEqual(['SYSTEM', 'TEXT']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
  });

  // As over HTTP (DESIGN §5 channel rules): a public channel's messages are members only (403 there), a private
  // or unknown channel is not found (404 there), so outsiders cannot tell a private channel from none.
  it("answers NOT_MEMBER to a non-member's send to a public channel, NOT_FOUND to one that does not exist", async () => {
    const [owner, stranger] = [await signedInUser(server.http, 'Owner'), await signedInUser(server.http, 'Stranger')];
    const channelId = await createChannel(owner);
    const socket = await connect(stranger);

    expect(await send(socket, channelId, 'let me in')).toEqual({ ok: false, error: { code: 'NOT_MEMBER', message: expect.any(String) } });
    expect(await send(socket, '00000000-0000-4000-8000-000000000000', 'hello?')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await server.app.get(MessageStore).pageLatest(channelId, 10)).toEqual([]);
  });

  it('answers VALIDATION to payloads of every bad shape and keeps the socket usable', async () => {
    const user = await signedInUser(server.http, 'Careless');
    const channelId = await createChannel(user);
    const socket = await connect(user);
    const bad: unknown[] = [
      'a bare string',
      null,
      42,
      [channelId, 'x', 'y'],
      {},
      { channelId, clientMsgId: 'a' },
      { channelId, clientMsgId: 'a', text: 5 },
      { channelId, clientMsgId: 7, text: 'x' },
      { channelId: 'NOT-AN-ID', clientMsgId: 'a', text: 'x' },
      { channelId: channelId.toUpperCase(), clientMsgId: 'a', text: 'x' },
      { channelId, clientMsgId: 'a', text: 'x', extra: true },
      { channelId, clientMsgId: 'a', text: 'x'.repeat(4001) },
      { channelId, clientMsgId: 'a', text: '   \n ' },
      { channelId, clientMsgId: '', text: 'x' },
      { channelId, clientMsgId: 'c'.repeat(65), text: 'x' },
      { channelId, clientMsgId: 'a', text: 'lone \ud800 surrogate' },
      { channelId, clientMsgId: 'a', text: '가'.repeat(30_000) },
    ];
    for (const payload of bad) {
      const ack = await ask<SendAck>(socket, 'message:send', payload);
      expect({ payload, ack }).toEqual({ payload, ack: { ok: false, error: { code: 'VALIDATION', message: expect.any(String) } } });
    }
    expect(await send(socket, channelId, 'still here')).toMatchObject({ ok: true, message: { seq: 1, text: 'still here' } });
  });

  it('puts a socket in the room of a channel its user joins later, with channel:added', async () => {
    const [host, guest] = [await signedInUser(server.http, 'Host'), await signedInUser(server.http, 'Guest')];
    const channelId = await createChannel(host);
    const [hostSocket, guestSocket] = [await connect(host), await connect(guest)];
    const added = collect<{ channel: { id: string; name: string } }>(guestSocket, 'channel:added');
    const received = collect<MessageJson>(guestSocket, 'message:new');
    const hostReceived = collect<MessageJson>(hostSocket, 'message:new');

    await server.http.post(`/api/channels/${channelId}/join`).set(auth(guest)).send({}).expect(200);
    await eventually(() => added.length === 1, 'channel:added');
    expect(added[0].channel).toMatchObject({ id: channelId, name: 'room', kind: 'GROUP' });

    await send(hostSocket, channelId, 'welcome');
    await eventually(() => received.some((message) => message.text === 'welcome'), 'the message after joining');
    await server.http.post(`/api/channels/${channelId}/leave`).set(auth(guest)).expect(204);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await send(hostSocket, channelId, 'gone?');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Whether the guest's socket was in the room before its own join notice went out is a race; the
    // messages after the join reach it, and nothing after the leave does.
    expect(received.filter((message) => message.type === 'TEXT').map((message) => message.text)).toEqual(['welcome']);
    expect(received.map((message) => message.text)).not.toContain('Guest left');
    expect(hostReceived.map((message) => [message.type, message.text])).toEqual([
      ['SYSTEM', 'Guest joined'],
      ['TEXT', 'welcome'],
      ['SYSTEM', 'Guest left'],
      ['TEXT', 'gone?'],
    ]);
  });

  it('opens a direct channel with channel:added for both users and carries their messages', async () => {
    const [eun, finn] = [await signedInUser(server.http, 'Eun'), await signedInUser(server.http, 'Finn')];
    const [eunSocket, finnSocket] = [await connect(eun), await connect(finn)];
    const addedToFinn = collect<{ channel: { id: string } }>(finnSocket, 'channel:added');
    const addedToEun = collect<{ channel: { id: string } }>(eunSocket, 'channel:added');
    const received = collect<MessageJson>(finnSocket, 'message:new');

    const direct = (await server.http.post('/api/channels/direct').set(auth(eun)).send({ userId: finn.id }).expect(201)).body;
    await eventually(() => addedToFinn.length === 1 && addedToEun.length === 1, 'channel:added for both');
    expect(addedToFinn[0].channel).toMatchObject({ id: direct.id, kind: 'DIRECT' });

    expect(await send(eunSocket, direct.id, 'hi Finn')).toMatchObject({ ok: true });
    await eventually(() => received.length === 1, 'the direct message');
  });

  it('shows typing to the other members only', async () => {
    const [gil, han] = [await signedInUser(server.http, 'Gil'), await signedInUser(server.http, 'Han')];
    const channelId = await createChannel(gil, han);
    const [gilSocket, hanSocket] = [await connect(gil), await connect(han)];
    const gilSees = collect(gilSocket, 'typing');
    const hanSees = collect(hanSocket, 'typing');

    expect(await ask(gilSocket, 'typing', { channelId })).toEqual({ ok: true });
    await eventually(() => hanSees.length === 1, 'typing at the other member');
    expect(hanSees[0]).toEqual({ channelId, userId: gil.id });
    expect(gilSees).toEqual([]);
    expect(await ask(gilSocket, 'typing', { channelId: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('read marks and recovery over socket.io', () => {
  let server: TestApp;
  const sockets: Socket[] = [];
  const auth = (user: SignedInUser) => ({ authorization: `Bearer ${user.token}` });
  beforeAll(async () => {
    server = await startTestApp({}, { listen: true });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server.close();
  });
  const connect = async (user: SignedInUser) => {
    const socket = await connectChat(server.url, user.token);
    sockets.push(socket);
    return socket;
  };

  it("moves the sender's mark to their own message, and message:read sends receipt to the members", async () => {
    const [ivy, jae] = [await signedInUser(server.http, 'Ivy'), await signedInUser(server.http, 'Jae')];
    const channelId = (await server.http.post('/api/channels').set(auth(ivy)).send({ name: 'reads' }).expect(201)).body.id;
    await server.http.post(`/api/channels/${channelId}/join`).set(auth(jae)).send({}).expect(200);
    // Seq 1: Jae's join notice; Ivy's notes are 2, 3 and 4.
    await storedNotice(server, channelId, 'Jae joined');
    const [ivySocket, jaeSocket] = [await connect(ivy), await connect(jae)];
    const receiptsAtIvy = collect<{ channelId: string; userId: string; seq: number }>(ivySocket, 'receipt');

    for (let n = 1; n <= 3; n += 1) await ask(ivySocket, 'message:send', { channelId, clientMsgId: `r${n}`, text: `note ${n}` });
    const unread = async (user: SignedInUser) =>
      ((await server.http.get('/api/channels').set(auth(user)).expect(200)).body as Array<{ id: string; unreadCount: number }>).find((c) => c.id === channelId)?.unreadCount;
    const markOf = async (user: SignedInUser) => (await server.app.get(CheckMessageAccess).execute(user.id, channelId)).lastReadSeq;
    // The mark moves right after the batch is announced (and acked), so it may lag the ack a moment.
    for (let tries = 0; tries < 100 && (await markOf(ivy)) < 4; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await markOf(ivy)).toBe(4);
    expect(await markOf(jae)).toBe(0);
    expect(await unread(jae)).toBe(3);

    expect(await ask(jaeSocket, 'message:read', { channelId, seq: 3 })).toEqual({ ok: true });
    await eventually(() => receiptsAtIvy.length === 1, 'the receipt');
    expect(receiptsAtIvy[0]).toEqual({ channelId, userId: jae.id, seq: 3 });
    expect(await unread(jae)).toBe(1);
    expect(await ask(jaeSocket, 'message:read', { channelId, seq: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ask(jaeSocket, 'message:read', { channelId, seq: '3' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lets a client that was away recover every message it missed with afterSeq', async () => {
    const [kim, lee] = [await signedInUser(server.http, 'Kim'), await signedInUser(server.http, 'Lee')];
    const channelId = (await server.http.post('/api/channels').set(auth(kim)).send({ name: 'away' }).expect(201)).body.id;
    await server.http.post(`/api/channels/${channelId}/join`).set(auth(lee)).send({}).expect(200);
    await storedNotice(server, channelId, 'Lee joined');
    const kimSocket = await connect(kim);
    let leeSocket = await connect(lee);
    const seen = collect<MessageJson>(leeSocket, 'message:new');
    await ask(kimSocket, 'message:send', { channelId, clientMsgId: 'before', text: 'before the break' });
    await eventually(() => seen.length === 1, 'the first message');
    const lastSeen = seen[0].seq;

    leeSocket.close();
    for (let n = 0; n < 50; n += 1) await ask(kimSocket, 'message:send', { channelId, clientMsgId: `missed-${n}`, text: `missed ${n}` });
    leeSocket = await connect(lee);

    const page = await server.http.get(`/api/channels/${channelId}/messages?afterSeq=${lastSeen}&limit=100`).set(auth(lee)).expect(200);
    expect(page.body.items.map((message: MessageJson) => message.text)).toEqual(Array.from({ length: 50 }, (_, n) => `missed ${n}`));
    expect(page.body.items.map((message: MessageJson) => message.seq)).toEqual(Array.from({ length: 50 }, (_, n) => lastSeen + n + 1));
  });
});

describe('presence over socket.io', () => {
  it('tells channel peers and contacts when a user comes online and goes offline, and nobody else', async () => {
    const server = await startTestApp({ PRESENCE_OFFLINE_GRACE_MS: '50' }, { listen: true });
    const sockets: Socket[] = [];
    const auth = (user: SignedInUser) => ({ authorization: `Bearer ${user.token}` });
    try {
      const [mia, peer, friend, stranger] = [
        await signedInUser(server.http, 'Mia'),
        await signedInUser(server.http, 'Peer'),
        await signedInUser(server.http, 'Friend'),
        await signedInUser(server.http, 'Stranger'),
      ];
      const channelId = (await server.http.post('/api/channels').set(auth(mia)).send({ name: 'p' }).expect(201)).body.id;
      await server.http.post(`/api/channels/${channelId}/join`).set(auth(peer)).send({}).expect(200);
      await server.http.post('/api/contacts').set(auth(mia)).send({ email: friend.email }).expect(201);
      const watchers = await Promise.all([peer, friend, stranger].map((user) => connectChat(server.url, user.token)));
      sockets.push(...watchers);
      const [atPeer, atFriend, atStranger] = watchers.map((socket) => collect<{ userId: string; status: string }>(socket, 'presence'));

      const miaSocket = await connectChat(server.url, mia.token);
      sockets.push(miaSocket);
      await eventually(() => atPeer.length === 1 && atFriend.length === 1, 'online at the peer and the contact');
      miaSocket.close();
      await eventually(() => atPeer.length === 2 && atFriend.length === 2, 'offline after the grace');

      for (const seen of [atPeer, atFriend]) {
        expect(seen).toEqual([
          { userId: mia.id, status: 'online' },
          { userId: mia.id, status: 'offline' },
        ]);
      }
      expect(atStranger.filter((event) => event.userId === mia.id)).toEqual([]);
      const members = await server.http.get(`/api/channels/${channelId}/members`).set(auth(peer)).expect(200);
      expect(members.body.find((member: { id: string }) => member.id === peer.id).online).toBe(true);
    } finally {
      for (const socket of sockets) socket.close();
      await server.close();
    }
  });
});

describe('chat send rate limit', () => {
  it('answers RATE_LIMITED past the burst, and stores nothing for it', async () => {
    const server = await startTestApp({ RATE_LIMIT_MESSAGE_PER_SECOND: '1', RATE_LIMIT_MESSAGE_BURST: '3' }, { listen: true });
    const user = await signedInUser(server.http, 'Chatty');
    const channelId = (await server.http.post('/api/channels').set({ authorization: `Bearer ${user.token}` }).send({ name: 'r' })).body.id;
    const socket = await connectChat(server.url, user.token);
    try {
      // All five at once: one after the other, a slow machine may take a second and refill the bucket.
      const acks = await Promise.all([0, 1, 2, 3, 4].map((n) => ask<SendAck>(socket, 'message:send', { channelId, clientMsgId: `r-${n}`, text: 'spam' })));
      expect(acks.map((ack) => (ack.ok ? 'ok' : ack.error.code))).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(await server.app.get(MessageStore).pageLatest(channelId, 10)).toHaveLength(3);
    } finally {
      socket.close();
      await server.close();
    }
  });
});

describe('chat metrics', () => {
  it('counts received, rejected (by code), stored and delivered messages, ack and delivery latency, batches and sockets on /metrics', async () => {
    const server = await startTestApp({}, { listen: true });
    const user = await signedInUser(server.http, 'Counted');
    const channelId = (await server.http.post('/api/channels').set({ authorization: `Bearer ${user.token}` }).send({ name: 'm' })).body.id;
    const socket = await connectChat(server.url, user.token);
    try {
      const read = async () => (await server.http.get('/metrics').expect(200)).text;
      const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      const before = await read();
      await ask(socket, 'message:send', { channelId, clientMsgId: 'm1', text: 'one' });
      await ask(socket, 'message:send', { channelId, clientMsgId: 'm2', text: 'two' });
      await ask(socket, 'message:send', { channelId: 'bad', clientMsgId: 'm3', text: 'x' });
      const after = await read();

      expect(value(after, 'chat_messages_received_total') - value(before, 'chat_messages_received_total')).toBe(3);
      expect(value(after, 'chat_messages_rejected_total{code="VALIDATION"}') - value(before, 'chat_messages_rejected_total{code="VALIDATION"}')).toBe(1);
      expect(value(after, 'chat_messages_stored_total') - value(before, 'chat_messages_stored_total')).toBe(2);
      expect(value(after, 'chat_messages_delivered_total') - value(before, 'chat_messages_delivered_total')).toBe(2);
      expect(value(after, 'chat_send_ack_seconds_count') - value(before, 'chat_send_ack_seconds_count')).toBe(2);
      expect(value(after, 'chat_send_delivery_seconds_count') - value(before, 'chat_send_delivery_seconds_count')).toBe(2);
      expect(value(after, 'chat_store_batch_seconds_count') - value(before, 'chat_store_batch_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(value(after, 'chat_connected_sockets')).toBeGreaterThanOrEqual(1);
      expect(after).not.toMatch(/chat_[a-z_]+\{[^}]*(user|channel)/);
    } finally {
      socket.close();
      await server.close();
    }
  });
});
