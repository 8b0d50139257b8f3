import { randomUUID } from 'node:crypto';
import { READ_RECEIPTS_TOPIC, ReadReceipt } from '@webchat/chat';
import { EventBus } from '@webchat/platform';
import { storedNotice, storeMessages } from './support/chat-messages';
import { chatReadFlow } from './support/chat-read-flow';
import { messageUnreadFlow } from './support/message-unread-flow';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

describe('chat history, search and read marks (HTTP, SQLite)', () => {
  chatReadFlow(() => startTestApp());
});

describe('per-message unread counts (HTTP and socket.io, SQLite, in-memory bus)', () => {
  messageUnreadFlow(() => startTestApp({}, { listen: true }));
});

describe('chat read side in detail (HTTP, SQLite)', () => {
  let t: TestApp;
  let owner: SignedInUser;
  let other: SignedInUser;
  let outsider: SignedInUser;
  let receipts: ReadReceipt[];
  /** A public channel of `owner` holding seq 1, the notice that `other` joined, then 2..8, TEXT by owner. */
  let paged: string;
  /** 60 messages, for the default limit. */
  let long: string;

  const as = (user: SignedInUser) => ({
    get: (path: string) => t.http.get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send(body),
  });
  const seqsOf = (body: { items: { seq: number }[] }) => body.items.map((message) => message.seq);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  async function channel(by: SignedInUser, body: object = { name: 'Room' }): Promise<string> {
    return (await as(by).post('/api/channels', body).expect(201)).body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(EventBus).subscribe<ReadReceipt>(READ_RECEIPTS_TOPIC, (receipt) => void receipts.push(receipt));
    owner = await signedInUser(t.http, 'Owner');
    other = await signedInUser(t.http, 'Other');
    outsider = await signedInUser(t.http, 'Outsider');
    paged = await channel(owner, { name: 'Paged' });
    await as(other).post(`/api/channels/${paged}/join`).expect(200);
    await storedNotice(t, paged, 'Other joined');
    await storeMessages(t, paged, owner, ...range(1, 7).map((n) => `message ${n}`));
    long = await channel(owner, { name: 'Long' });
    await storeMessages(t, long, owner, ...range(1, 60).map((n) => `line ${n}`));
  });
  beforeEach(() => {
    receipts = [];
  });
  afterAll(() => t.close());

  describe('GET /api/channels/:id/messages', () => {
    it.each([
      ['no cursor', '', range(1, 8)],
      ['no cursor, limit 3', '?limit=3', [6, 7, 8]],
      ['no cursor, limit 1', '?limit=1', [8]],
      ['no cursor, limit 100', '?limit=100', range(1, 8)],
      ['beforeSeq inside', '?beforeSeq=5&limit=2', [3, 4]],
      ['beforeSeq past the end', '?beforeSeq=100&limit=3', [6, 7, 8]],
      ['beforeSeq 1', '?beforeSeq=1', []],
      ['beforeSeq 0', '?beforeSeq=0', []],
      ['afterSeq inside', '?afterSeq=2&limit=3', [3, 4, 5]],
      ['afterSeq 0', '?afterSeq=0&limit=2', [1, 2]],
      ['afterSeq at the last', '?afterSeq=8', []],
      ['afterSeq past the end', '?afterSeq=99', []],
    ])('answers %s in ascending seq', async (_case, query, seqs) => {
      expect(seqsOf((await as(owner).get(`/api/channels/${paged}/messages${query}`).expect(200)).body)).toEqual(seqs);
    });

    it('answers the newest 50 by default, and up to 100 when asked', async () => {
      expect(seqsOf((await as(owner).get(`/api/channels/${long}/messages`).expect(200)).body)).toEqual(range(11, 60));
      expect(seqsOf((await as(owner).get(`/api/channels/${long}/messages?beforeSeq=11`).expect(200)).body)).toEqual(range(1, 10));
      expect(seqsOf((await as(owner).get(`/api/channels/${long}/messages?limit=100`).expect(200)).body)).toEqual(range(1, 60));
    });

    it('answers an empty page for a channel without messages', async () => {
      const empty = await channel(owner);
      expect((await as(owner).get(`/api/channels/${empty}/messages`).expect(200)).body).toEqual({ items: [] });
    });

    it('answers the message view, seq a JSON integer and createdAt ISO-8601 UTC', async () => {
      const response = await as(other).get(`/api/channels/${paged}/messages?afterSeq=0&limit=2`).expect(200);
      expect(response.text).toMatch(/"seq":1[,}]/);
      expect(response.body.items[0]).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        channelId: paged,
        seq: 1,
        type: 'SYSTEM',
        senderId: null,
        senderName: 'system',
        text: 'Other joined',
        clientMsgId: null,
        replyTo: null,
        editedAt: null,
        deletedAt: null,
        // A notice is never unread.
        unreadCount: 0,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(response.body.items[1]).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        channelId: paged,
        seq: 2,
        type: 'TEXT',
        senderId: owner.id,
        senderName: 'Owner',
        text: 'message 1',
        clientMsgId: expect.any(String),
        replyTo: null,
        editedAt: null,
        deletedAt: null,
        // Other joined before any message and has not read: one other member to count.
        unreadCount: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });

    it.each([
      ['both cursors', '?beforeSeq=5&afterSeq=1', /not both/],
      ['both cursors at 0', '?beforeSeq=0&afterSeq=0', /not both/],
      ['a negative cursor', '?beforeSeq=-1', /beforeSeq/],
      ['a fractional cursor', '?afterSeq=1.5', /afterSeq/],
      ['a word for a cursor', '?afterSeq=abc', /afterSeq/],
      ['an empty cursor', '?beforeSeq=', /beforeSeq/],
      ['an exponent', '?afterSeq=1e3', /afterSeq/],
      ['a cursor past 2^53', '?beforeSeq=9007199254740993', /beforeSeq/],
      ['a repeated cursor', '?afterSeq=1&afterSeq=2', /afterSeq/],
      ['limit 0', '?limit=0', /limit/],
      ['limit 101', '?limit=101', /limit/],
      ['an unknown parameter', '?cursor=3', /cursor should not exist/],
    ])('answers 400 with the error body for %s', async (_case, query, reason) => {
      const response = await as(owner).get(`/api/channels/${paged}/messages${query}`).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(reason) });
    });
  });

  describe('members only', () => {
    const routes = (id: string) => [
      (user: SignedInUser) => as(user).get(`/api/channels/${id}/messages`),
      (user: SignedInUser) => as(user).get(`/api/channels/${id}/messages/search?q=message`),
      (user: SignedInUser) => as(user).post(`/api/channels/${id}/read`, { seq: 1 }),
    ];

    it('answers 403 to a non-member of a public channel', async () => {
      for (const call of routes(paged)) {
        const response = await call(outsider).expect(403);
        expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/not a member/) });
      }
    });

    it('answers 404 to a non-member of a private or direct channel, as for an unknown or malformed id', async () => {
      const secret = await channel(owner, { name: 'Secret', isPrivate: true, password: 'sesame' });
      const direct = (await as(owner).post('/api/channels/direct', { userId: other.id }).expect(201)).body.id;
      await storeMessages(t, secret, owner, 'hidden message');
      for (const id of [secret, direct, randomUUID(), 'not-an-id', paged.toUpperCase()]) {
        for (const call of routes(id)) {
          const response = await call(outsider).expect(404);
          expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Channel not found' });
        }
      }
      expect(seqsOf((await as(other).get(`/api/channels/${direct}/messages`).expect(200)).body)).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      await t.http.get(`/api/channels/${paged}/messages`).expect(401);
      await t.http.get(`/api/channels/${paged}/messages/search?q=a`).expect(401);
      await t.http.post(`/api/channels/${paged}/read`).send({ seq: 1 }).expect(401);
    });

    it('stops answering a member who left', async () => {
      const room = await channel(owner);
      await as(other).post(`/api/channels/${room}/join`).expect(200);
      await as(other).get(`/api/channels/${room}/messages`).expect(200);
      await as(other).post(`/api/channels/${room}/leave`).expect(204);
      await as(other).get(`/api/channels/${room}/messages`).expect(403);
      await as(other).post(`/api/channels/${room}/read`, { seq: 1 }).expect(403);
    });
  });

  describe('GET /api/channels/:id/messages/search', () => {
    let room: string;
    beforeAll(async () => {
      room = await channel(owner, { name: 'Search' });
      await as(other).post(`/api/channels/${room}/join`).expect(200);
      await storeMessages(t, room, owner, '다들 안녕하세요', 'Good Morning');
      await storeMessages(t, room, other, '안녕!', { system: '안녕 (system notice)' }, '100% sure', '잘 자');
    });
    const search = (query: string) => as(owner).get(`/api/channels/${room}/messages/search?${query}`);
    const texts = (body: { items: { text: string }[] }) => body.items.map((message) => message.text);

    it('finds Korean substrings of two syllables, newest first, never SYSTEM messages', async () => {
      expect(texts((await search(`q=${encodeURIComponent('안녕')}`).expect(200)).body)).toEqual(['안녕!', '다들 안녕하세요']);
      expect(texts((await search(`q=${encodeURIComponent('하세')}`).expect(200)).body)).toEqual(['다들 안녕하세요']);
      expect(texts((await search(`q=${encodeURIComponent('잘 자')}`).expect(200)).body)).toEqual(['잘 자']);
      expect(texts((await search(`q=${encodeURIComponent('system')}`).expect(200)).body)).toEqual([]);
    });

    it('ignores case, takes % literally, trims the query and honours limit', async () => {
      expect(texts((await search('q=MORNING').expect(200)).body)).toEqual(['Good Morning']);
      expect(texts((await search(`q=${encodeURIComponent('0%')}`).expect(200)).body)).toEqual(['100% sure']);
      expect(texts((await search(`q=${encodeURIComponent('  Good ')}`).expect(200)).body)).toEqual(['Good Morning']);
      expect(texts((await search(`q=${encodeURIComponent('안녕')}&limit=1`).expect(200)).body)).toEqual(['안녕!']);
      expect((await search(`q=${'가'.repeat(100)}`.replace(/가/g, encodeURIComponent('가'))).expect(200)).body).toEqual({ items: [] });
      await search(`q=a&limit=50`).expect(200);
    });

    it.each([
      ['no q', 'limit=5', /q must be/],
      ['an empty q', 'q=', /q must be/],
      ['a blank q', `q=${encodeURIComponent('   ')}`, /q must be/],
      ['a q of 101 characters', `q=${encodeURIComponent('가'.repeat(101))}`, /q must be/],
      ['limit 0', 'q=a&limit=0', /limit/],
      ['limit 51', 'q=a&limit=51', /limit/],
      ['a repeated q', 'q=a&q=b', /q must be/],
    ])('answers 400 for %s', async (_case, query, reason) => {
      const response = await search(query).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(reason) });
    });
  });

  describe('POST /api/channels/:id/read', () => {
    async function roomWithMessages(count: number): Promise<string> {
      const room = await channel(owner);
      await storeMessages(t, room, owner, ...range(1, count).map((n) => `m${n}`));
      await as(other).post(`/api/channels/${room}/join`).expect(200);
      // Seq count + 1: the notice of the join (SYSTEM, never unread).
      await storedNotice(t, room, 'Other joined');
      return room;
    }
    const unreadOf = async (user: SignedInUser, id: string) =>
      ((await as(user).get('/api/channels').expect(200)).body as { id: string; unreadCount: number }[]).find((c) => c.id === id)?.unreadCount;

    it('starts a joiner at the last message, and an invitee too', async () => {
      const room = await roomWithMessages(3);
      expect(await unreadOf(other, room)).toBe(0);
      await as(owner).post(`/api/channels/${room}/members`, { userIds: [outsider.id] }).expect(200);
      expect(await unreadOf(outsider, room)).toBe(0);
      await storeMessages(t, room, owner, 'after the join');
      expect(await unreadOf(other, room)).toBe(1);
      expect(await unreadOf(outsider, room)).toBe(1);
      await as(outsider).post(`/api/channels/${room}/leave`).expect(204);
    });

    it('moves the mark with 204 and an empty body, and publishes one receipt keyed by channel', async () => {
      const room = await roomWithMessages(2);
      await storeMessages(t, room, owner, 'm3', 'm4', 'm5');
      expect(await unreadOf(other, room)).toBe(3);
      const response = await as(other).post(`/api/channels/${room}/read`, { seq: 5 }).expect(204);
      expect(response.text).toBe('');
      expect(await unreadOf(other, room)).toBe(1);
      await settle();
      expect(receipts).toEqual([{ channelId: room, userId: other.id, seq: 5 }]);
    });

    it('clamps to the last message and never moves back, publishing only when the mark moves', async () => {
      const room = await roomWithMessages(2);
      await storeMessages(t, room, owner, 'm3', 'm4');
      await as(other).post(`/api/channels/${room}/read`, { seq: Number.MAX_SAFE_INTEGER }).expect(204);
      await as(other).post(`/api/channels/${room}/read`, { seq: 3 }).expect(204);
      await as(other).post(`/api/channels/${room}/read`, { seq: 0 }).expect(204);
      await as(other).post(`/api/channels/${room}/read`, { seq: 5 }).expect(204);
      // Clamped at 5 (m4; seq 3 is the join notice): the next message is unread, not already read.
      await storeMessages(t, room, owner, 'm5');
      expect(await unreadOf(other, room)).toBe(1);
      await settle();
      expect(receipts).toEqual([{ channelId: room, userId: other.id, seq: 5 }]);
    });

    it('keeps the highest of concurrent marks', async () => {
      const room = await roomWithMessages(0);
      // Seq 1 is the join notice, m1..m10 are seqs 2..11.
      await storeMessages(t, room, owner, ...range(1, 10).map((n) => `m${n}`));
      await Promise.all([8, 4, 11, 6, 10].map((seq) => as(other).post(`/api/channels/${room}/read`, { seq }).expect(204)));
      expect(await unreadOf(other, room)).toBe(0);
      await settle();
      expect(receipts.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...receipts.map((receipt) => receipt.seq))).toBe(11);
    });

    it('does nothing in a channel without messages', async () => {
      const room = await channel(owner);
      await as(owner).post(`/api/channels/${room}/read`, { seq: 5 }).expect(204);
      await settle();
      expect(receipts).toEqual([]);
    });

    it.each([
      ['no seq', {}],
      ['a string seq', { seq: '3' }],
      ['a negative seq', { seq: -1 }],
      ['a fractional seq', { seq: 1.5 }],
      ['a seq past 2^53', { seq: 2 ** 53 + 2 }],
      ['an unknown field', { seq: 1, upTo: 2 }],
    ])('answers 400 for %s', async (_case, body) => {
      const response = await as(owner).post(`/api/channels/${paged}/read`, body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('GET /api/channels (my channels)', () => {
    it('shows unread TEXT messages of others and the newest message of any type, or 0 and null', async () => {
      const quiet = await channel(other, { name: 'Quiet' });
      const busy = await channel(other, { name: 'Busy' });
      await as(owner).post(`/api/channels/${busy}/join`).expect(200);
      await storedNotice(t, busy, 'Owner joined');
      await storeMessages(t, busy, owner, 'mine, not unread');
      await storeMessages(t, busy, other, 'one', 'two', { system: 'Someone joined' });
      const mine = (await as(owner).get('/api/channels').expect(200)).body as { id: string }[];
      expect(mine.find((c) => c.id === busy)).toMatchObject({
        unreadCount: 2,
        lastMessage: { channelId: busy, seq: 5, type: 'SYSTEM', senderName: 'system', text: 'Someone joined', replyTo: null },
      });
      const theirs = (await as(other).get('/api/channels').expect(200)).body as { id: string }[];
      expect(theirs.find((c) => c.id === quiet)).toMatchObject({ unreadCount: 0, lastMessage: null });
      expect(theirs.find((c) => c.id === busy)).toMatchObject({ unreadCount: 1 });
    });
  });
});
