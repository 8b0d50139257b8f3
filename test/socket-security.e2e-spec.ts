import type { Socket } from 'socket.io-client';
import { ask, connectChat, eventually } from './support/chat-client';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

const PARTNER = 'https://partner.example.com';
const STRANGER = 'https://evil.example.com';

/** A socket.io long-polling handshake, as a browser page would open it before upgrading. */
function pollingHandshake(t: TestApp, origin: string) {
  return t.http.get('/socket.io/').query({ EIO: '4', transport: 'polling' }).set('origin', origin);
}

describe('socket.io CORS allow-list (SQLite)', () => {
  const opened = socketsClosedAfterEach();

  describe('by default (same origin only)', () => {
    let t: TestApp;
    let user: SignedInUser;
    beforeAll(async () => {
      t = await startTestApp({}, { listen: true });
      user = await signedInUser(t.http);
    });
    afterAll(() => t.close());

    it('lets in a client without Origin and a page of our own host, and refuses another site before the token check', async () => {
      opened.keep(await connectChat(t.url, user.token));
      opened.keep(await connectChat(t.url, user.token, { origin: t.url }));
      await expect(connectChat(t.url, user.token, { origin: STRANGER })).rejects.toThrow();
      await expect(connectChat(t.url, user.token, { origin: 'http://127.0.0.1:1' })).rejects.toThrow();
    });

    it('refuses a polling handshake from another site with 403 and no CORS headers', async () => {
      const refused = await pollingHandshake(t, STRANGER);
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    let user: SignedInUser;
    beforeAll(async () => {
      t = await startTestApp({ CORS_ORIGINS: PARTNER }, { listen: true });
      user = await signedInUser(t.http);
    });
    afterAll(() => t.close());

    it('lets a listed origin connect and refuses one that is not listed', async () => {
      const socket = opened.keep(await connectChat(t.url, user.token, { origin: PARTNER }));
      expect(socket.connected).toBe(true);
      await expect(connectChat(t.url, user.token, { origin: STRANGER })).rejects.toThrow();
    });

    it('answers a listed origin\'s polling handshake with its CORS headers', async () => {
      const accepted = await pollingHandshake(t, PARTNER).expect(200);
      expect(accepted.headers['access-control-allow-origin']).toBe(PARTNER);
      expect((await pollingHandshake(t, STRANGER)).status).toBe(403);
    });
  });
});

describe('socket.io connections per client address (SQLite)', () => {
  const opened = socketsClosedAfterEach();

  it('bounds the open sockets of one address behind a trusted proxy, by the address the proxy appended', async () => {
    const t = await startTestApp({ SOCKET_CONNECTIONS_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' }, { listen: true });
    try {
      const user = await signedInUser(t.http);
      const from = (forwardedFor: string) => connectChat(t.url, user.token, { 'x-forwarded-for': forwardedFor });
      const first = opened.keep(await from('203.0.113.9'));
      opened.keep(await from('203.0.113.9'));
      // A client that writes its own X-Forwarded-For entry before the proxy's still counts as itself.
      opened.keep(await from('198.51.100.1, 203.0.113.9'));
      await expect(from('198.51.100.2, 203.0.113.9')).rejects.toThrow();
      // A bad token is refused too once the address is full: the bound comes before any token check.
      await expect(connectChat(t.url, 'not-a-token', { 'x-forwarded-for': '203.0.113.9' })).rejects.toThrow(/websocket error/);
      opened.keep(await from('203.0.113.10'));
      first.close();
      await retryUntilConnected(() => from('203.0.113.9'), opened.keep);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted (the default): every forged address counts as the peer', async () => {
    const t = await startTestApp({ SOCKET_CONNECTIONS_PER_ADDRESS: '2' }, { listen: true });
    try {
      const user = await signedInUser(t.http);
      opened.keep(await connectChat(t.url, user.token, { 'x-forwarded-for': '198.51.100.1' }));
      opened.keep(await connectChat(t.url, user.token, { 'x-forwarded-for': '198.51.100.2' }));
      await expect(connectChat(t.url, user.token, { 'x-forwarded-for': '198.51.100.3' })).rejects.toThrow();
    } finally {
      await t.close();
    }
  });
});

/** The server sees a closed socket a moment after the client closes it. */
async function retryUntilConnected(connect: () => Promise<Socket>, keep: (socket: Socket) => Socket): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      keep(await connect());
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('socket.io frame size (SQLite)', () => {
  const opened = socketsClosedAfterEach();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
  });
  afterAll(() => t.close());

  it('answers an over-long text within the frame bound with VALIDATION, and drops a socket whose frame exceeds 128 KiB', async () => {
    const user = await signedInUser(t.http);
    const channel = (await t.http.post('/api/channels').set('authorization', `Bearer ${user.token}`).send({ name: 'room' }).expect(201)).body;
    const socket = opened.keep(await connectChat(t.url, user.token));
    const long = await ask(socket, 'message:send', { channelId: channel.id, clientMsgId: 'long', text: 'x'.repeat(100_000) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const reasons: string[] = [];
    socket.on('disconnect', (reason) => reasons.push(reason));
    socket.emit('message:send', { channelId: channel.id, clientMsgId: 'huge', text: 'x'.repeat(200 * 1024) });
    await eventually(() => reasons.length > 0, 'the oversized socket to be dropped');
    expect(reasons).toEqual(['transport close']);
    // The server goes on: a new socket of the same user sends as usual.
    const again = opened.keep(await connectChat(t.url, user.token));
    expect(await ask(again, 'message:send', { channelId: channel.id, clientMsgId: 'ok', text: 'fine' })).toMatchObject({ ok: true });
  });
});

describe('socket.io event rate limit: typing and message:read (SQLite)', () => {
  const opened = socketsClosedAfterEach();

  it('answers RATE_LIMITED past the burst, per user, and takes the events again once the bucket refills', async () => {
    const t = await startTestApp({ RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '2', RATE_LIMIT_SOCKET_EVENTS_BURST: '4' }, { listen: true });
    try {
      const [busy, calm] = [await signedInUser(t.http), await signedInUser(t.http)];
      const channel = (await t.http.post('/api/channels').set('authorization', `Bearer ${busy.token}`).send({ name: 'room' }).expect(201)).body;
      await t.http.post(`/api/channels/${channel.id}/join`).set('authorization', `Bearer ${calm.token}`).send({}).expect(200);
      const [busySocket, calmSocket] = [opened.keep(await connectChat(t.url, busy.token)), opened.keep(await connectChat(t.url, calm.token))];
      const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : ack.error?.code);
      // All at once, so no refill happens between them however slow the machine.
      const acks = await Promise.all([
        ...[0, 1, 2].map(() => ask(busySocket, 'typing', { channelId: channel.id })),
        ...[0, 1, 2].map(() => ask(busySocket, 'message:read', { channelId: channel.id, seq: 0 })),
      ]);
      expect(acks.map(code).sort()).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'ok', 'ok', 'ok', 'ok']);
      expect(acks.find((ack) => !ack.ok)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many events: at most 2 per second, bursts of 4' } });
      expect(code(await ask(calmSocket, 'typing', { channelId: channel.id }))).toBe('ok');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(code(await ask(busySocket, 'typing', { channelId: channel.id }))).toBe('ok');
    } finally {
      await t.close();
    }
  });
});
