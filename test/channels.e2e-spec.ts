import { randomUUID } from 'node:crypto';
import { CHANNEL_EVENTS_TOPIC, ChannelEvent } from '@webchat/channel';
import { EventBus, Presence } from '@webchat/platform';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

describe('channels (HTTP, SQLite)', () => {
  let t: TestApp;
  let events: ChannelEvent[];
  let owner: SignedInUser;
  let other: SignedInUser;
  let third: SignedInUser;

  const as = (user: SignedInUser) => ({
    get: (path: string) => t.http.get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send(body),
  });
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(EventBus).subscribe<ChannelEvent>(CHANNEL_EVENTS_TOPIC, (event) => void events.push(event));
    owner = await signedInUser(t.http, 'Owner');
    other = await signedInUser(t.http, 'Other');
    third = await signedInUser(t.http, 'Third');
  });
  beforeEach(() => {
    events = [];
  });
  afterAll(() => t.close());

  async function publicChannel(name = 'Open house', by = owner) {
    return (await as(by).post('/api/channels', { name }).expect(201)).body;
  }
  async function privateChannel(name = 'Secret club', by = owner) {
    return (await as(by).post('/api/channels', { name, isPrivate: true, password: 'sesame' }).expect(201)).body;
  }

  describe('POST /api/channels', () => {
    it('creates a public group with me as owner and sole member', async () => {
      const response = await as(owner).post('/api/channels', { name: '  Book club ', description: 'Monthly reads' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        kind: 'GROUP',
        name: 'Book club',
        description: 'Monthly reads',
        isPrivate: false,
        ownerId: owner.id,
        memberCount: 1,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      await flush();
      expect(events).toEqual([{ type: 'members.added', channelId: response.body.id, userIds: [owner.id], reason: 'CREATED' }]);
    });

    it('creates a private group that needs a password, never echoing the password', async () => {
      const body = await privateChannel();
      expect(body).toMatchObject({ isPrivate: true, description: null });
      expect(JSON.stringify(body)).not.toMatch(/sesame|password/i);
    });

    it.each([
      ['a private channel without password', { name: 'x', isPrivate: true }, /needs a password/],
      ['a public channel with a password', { name: 'x', password: 'sesame' }, /takes no password/],
      ['a blank name', { name: '   ' }, /name/],
      ['a 101-character name', { name: '가'.repeat(101) }, /name/],
      ['a 501-character description', { name: 'x', description: 'd'.repeat(501) }, /description/],
      ['a 3-character password', { name: 'x', isPrivate: true, password: 'abc' }, /password/],
      ['a string for isPrivate', { name: 'x', isPrivate: 'yes' }, /isPrivate/],
      ['an unknown field', { name: 'x', color: 'red' }, /color should not exist/],
    ])('answers 400 for %s', async (_case, body, reason) => {
      const response = await as(owner).post('/api/channels', body).expect(400);
      expect(response.body.message).toMatch(reason);
    });

    it('answers 401 without a token', async () => {
      await t.http.post('/api/channels').send({ name: 'x' }).expect(401);
    });
  });

  describe('GET /api/channels/:id and members', () => {
    it('shows a public channel and its members to any signed-in user', async () => {
      const channel = await publicChannel();
      await Promise.all([as(other).get(`/api/channels/${channel.id}`).expect(200), as(other).get(`/api/channels/${channel.id}/members`).expect(200)]);
    });

    it('hides a private channel from non-members: 404 on details and members', async () => {
      const channel = await privateChannel();
      const details = await as(other).get(`/api/channels/${channel.id}`).expect(404);
      expect(details.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Channel not found' });
      await as(other).get(`/api/channels/${channel.id}/members`).expect(404);
      await as(owner).get(`/api/channels/${channel.id}`).expect(200);
    });

    it.each(['does-not-exist', '00000000-0000-0000-0000-000000000000', "1' OR '1'='1", '%25', 'x'.repeat(300)])(
      'answers 404, never 500, for the id %p',
      async (id) => {
        await as(owner).get(`/api/channels/${encodeURIComponent(id)}`).expect(404);
        await as(owner).post(`/api/channels/${encodeURIComponent(id)}/join`).expect(404);
      },
    );

    it('lists members in joining order with online state, shown to those presence privacy allows', async () => {
      const channel = await publicChannel();
      await as(other).post(`/api/channels/${channel.id}/join`).expect(200);
      await t.app.get(Presence).connected(other.id, 'socket-1');
      try {
        const members = await as(owner).get(`/api/channels/${channel.id}/members`).expect(200);
        expect(members.body).toEqual([
          { id: owner.id, username: 'Owner', online: false },
          { id: other.id, username: 'Other', online: true },
        ]);
        // A non-member reads a public channel's members, but shares no channel with them.
        const stranger = await signedInUser(t.http, 'Stranger');
        const asStranger = await as(stranger).get(`/api/channels/${channel.id}/members`).expect(200);
        expect(asStranger.body).toEqual([
          { id: owner.id, username: 'Owner', online: false },
          { id: other.id, username: 'Other', online: false },
        ]);
      } finally {
        await t.app.get(Presence).disconnected(other.id, 'socket-1');
      }
    });
  });

  describe('GET /api/channels (mine)', () => {
    it('lists only my channels, with unread count and last message', async () => {
      const me = await signedInUser(t.http, 'Lister');
      const joined = await publicChannel('Joined later');
      const created = await publicChannel('Made by me', me);
      await as(me).post(`/api/channels/${joined.id}/join`).expect(200);
      await publicChannel('Not mine');
      const response = await as(me).get('/api/channels').expect(200);
      expect(response.body.map((c: { name: string }) => c.name)).toEqual(['Joined later', 'Made by me']);
      expect(response.body[1]).toEqual({ ...created, unreadCount: 0, lastMessage: null });
    });
  });

  describe('GET /api/channels/search', () => {
    it('finds public groups by any-case substring, Korean too, and never private or direct ones', async () => {
      const tag = `srch${Date.now()}`;
      await publicChannel(`${tag} Hikers`);
      await publicChannel(`${tag.toUpperCase()} 등산 모임`);
      await privateChannel(`${tag} hidden`);
      await as(owner).post('/api/channels/direct', { userId: other.id });
      const found = await as(other).get(`/api/channels/search?q=${tag.toUpperCase()}`).expect(200);
      expect(found.body.items.map((c: { name: string }) => c.name)).toEqual([`${tag} Hikers`, `${tag.toUpperCase()} 등산 모임`]);
      const korean = await as(other).get(`/api/channels/search?q=${encodeURIComponent('등산')}`).expect(200);
      expect(korean.body.items.map((c: { name: string }) => c.name)).toContain(`${tag.toUpperCase()} 등산 모임`);
      const all = await as(other).get('/api/channels/search?limit=50').expect(200);
      expect(all.body.items.every((c: { isPrivate: boolean; kind: string }) => !c.isPrivate && c.kind === 'GROUP')).toBe(true);
    });

    it('honours limit (default 20, 1 to 50) and rejects others with 400', async () => {
      for (let i = 0; i < 22; i += 1) await publicChannel(`limit-probe ${String(i).padStart(2, '0')}`);
      expect((await as(owner).get('/api/channels/search?q=limit-probe').expect(200)).body.items).toHaveLength(20);
      expect((await as(owner).get('/api/channels/search?q=limit-probe&limit=3').expect(200)).body.items.map((c: { name: string }) => c.name)).toEqual([
        'limit-probe 00',
        'limit-probe 01',
        'limit-probe 02',
      ]);
      for (const limit of ['0', '51', 'abc', '2.5']) {
        await as(owner).get(`/api/channels/search?q=x&limit=${limit}`).expect(400);
      }
      await as(owner).get(`/api/channels/search?q=x&sort=name`).expect(400);
    });
  });

  describe('POST /api/channels/:id/join', () => {
    it('joins a public channel without a password, once even when asked twice or at once', async () => {
      const channel = await publicChannel();
      const responses = await Promise.all(Array.from({ length: 5 }, () => as(other).post(`/api/channels/${channel.id}/join`)));
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const members = await as(owner).get(`/api/channels/${channel.id}/members`).expect(200);
      expect(members.body.map((m: { id: string }) => m.id)).toEqual([owner.id, other.id]);
      expect((await as(other).get(`/api/channels/${channel.id}`)).body.memberCount).toBe(2);
      await flush();
      expect(events.filter((e) => e.type === 'members.added' && e.reason === 'JOINED')).toEqual([
        { type: 'members.added', channelId: channel.id, userIds: [other.id], reason: 'JOINED' },
      ]);
    });

    it('joins a private channel only with the right password: 403 otherwise', async () => {
      const channel = await privateChannel();
      const wrong = await as(other).post(`/api/channels/${channel.id}/join`, { password: 'wrong-one' }).expect(403);
      expect(wrong.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Wrong channel password' });
      await as(other).post(`/api/channels/${channel.id}/join`).expect(403);
      await as(other).post(`/api/channels/${channel.id}/join`, { password: 'abc' }).expect(400);
      const joined = await as(other).post(`/api/channels/${channel.id}/join`, { password: 'sesame' }).expect(200);
      expect(joined.body).toMatchObject({ id: channel.id, memberCount: 2 });
      await as(other).get(`/api/channels/${channel.id}`).expect(200);
    });
  });

  describe('POST /api/channels/:id/leave', () => {
    it('passes ownership to the longest-standing member when the owner leaves', async () => {
      const channel = await publicChannel();
      await as(other).post(`/api/channels/${channel.id}/join`).expect(200);
      await as(third).post(`/api/channels/${channel.id}/join`).expect(200);
      await as(owner).post(`/api/channels/${channel.id}/leave`).expect(204);
      const after = await as(other).get(`/api/channels/${channel.id}`).expect(200);
      expect(after.body).toMatchObject({ ownerId: other.id, memberCount: 2 });
      await flush();
      expect(events).toContainEqual({ type: 'member.removed', channelId: channel.id, userId: owner.id });
    });

    it('deletes the channel when its last member leaves', async () => {
      const channel = await publicChannel();
      await as(owner).post(`/api/channels/${channel.id}/leave`).expect(204);
      await as(other).get(`/api/channels/${channel.id}`).expect(404);
      await flush();
      expect(events).toContainEqual({ type: 'channel.deleted', channelId: channel.id });
    });

    it('answers 403 to a non-member of a public channel and 404 for a private one', async () => {
      await as(other).post(`/api/channels/${(await publicChannel()).id}/leave`).expect(403);
      await as(other).post(`/api/channels/${(await privateChannel()).id}/leave`).expect(404);
    });
  });

  describe('POST /api/channels/:id/members (invite)', () => {
    it('lets a member invite existing users into a private channel without its password', async () => {
      const channel = await privateChannel();
      const response = await as(owner).post(`/api/channels/${channel.id}/members`, { userIds: [other.id, third.id, other.id] }).expect(200);
      // Invited together means joined at the same instant: ties go by user id.
      expect(response.body.map((m: { id: string }) => m.id)).toEqual([owner.id, ...[other.id, third.id].sort()]);
      await as(third).get(`/api/channels/${channel.id}`).expect(200);
      await flush();
      expect(events).toContainEqual({ type: 'members.added', channelId: channel.id, userIds: [other.id, third.id], reason: 'INVITED' });
    });

    it('adds nobody when one listed user does not exist (404)', async () => {
      const channel = await publicChannel();
      const ghost = randomUUID();
      const response = await as(owner).post(`/api/channels/${channel.id}/members`, { userIds: [other.id, ghost] }).expect(404);
      expect(response.body.message).toContain(ghost);
      expect((await as(owner).get(`/api/channels/${channel.id}/members`)).body).toHaveLength(1);
    });

    it('refuses non-members (403 public, 404 private) and bad bodies (400)', async () => {
      await as(other).post(`/api/channels/${(await publicChannel()).id}/members`, { userIds: [third.id] }).expect(403);
      await as(other).post(`/api/channels/${(await privateChannel()).id}/members`, { userIds: [third.id] }).expect(404);
      const channel = await publicChannel();
      for (const body of [{ userIds: [] }, { userIds: 'x' }, { userIds: [1] }, {}, { userIds: Array.from({ length: 101 }, () => randomUUID()) }, { userIds: [other.id, 'ghost-user'] }]) {
        await as(owner).post(`/api/channels/${channel.id}/members`, body).expect(400);
      }
    });
  });

  describe('POST /api/channels/direct', () => {
    it('creates the pair channel once (201) and returns it again to either side (200)', async () => {
      const a = await signedInUser(t.http, 'A');
      const b = await signedInUser(t.http, 'B');
      const created = await as(a).post('/api/channels/direct', { userId: b.id }).expect(201);
      expect(created.body).toMatchObject({ kind: 'DIRECT', name: null, ownerId: null, isPrivate: true, memberCount: 2 });
      await flush();
      expect(events).toEqual([{ type: 'members.added', channelId: created.body.id, userIds: [a.id, b.id], reason: 'DIRECT_OPENED' }]);
      const again = await as(b).post('/api/channels/direct', { userId: a.id }).expect(200);
      expect(again.body.id).toBe(created.body.id);
      await as(owner).get(`/api/channels/${created.body.id}`).expect(404);
    });

    it('returns one channel id when both users open it at the same moment', async () => {
      const a = await signedInUser(t.http, 'A');
      const b = await signedInUser(t.http, 'B');
      const responses = await Promise.all([
        ...Array.from({ length: 3 }, () => as(a).post('/api/channels/direct', { userId: b.id })),
        ...Array.from({ length: 3 }, () => as(b).post('/api/channels/direct', { userId: a.id })),
      ]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    });

    it('refuses myself (400), an unknown user (404), and joining, leaving or inviting into it (400)', async () => {
      await as(owner).post('/api/channels/direct', { userId: owner.id }).expect(400);
      await as(owner).post('/api/channels/direct', { userId: randomUUID() }).expect(404);
      await as(owner).post('/api/channels/direct', { userId: 'nobody-here' }).expect(400);
      await as(owner).post('/api/channels/direct', {}).expect(400);
      const direct = (await as(owner).post('/api/channels/direct', { userId: third.id })).body;
      await as(owner).post(`/api/channels/${direct.id}/join`).expect(400);
      await as(owner).post(`/api/channels/${direct.id}/leave`).expect(400);
      await as(owner).post(`/api/channels/${direct.id}/members`, { userIds: [other.id] }).expect(400);
      await as(other).post(`/api/channels/${direct.id}/join`).expect(404);
    });
  });
});
