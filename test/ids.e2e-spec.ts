import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

/** Ids that name nobody: a canonical id in another form, or not an id at all. */
function nonCanonicalFormsOf(id: string): [string, string][] {
  return [
    ['upper case', id.toUpperCase()],
    ['a trailing space', `${id} `],
    ['a trailing NUL', `${id}\u0000`],
    ['braces', `{${id}}`],
    ['no dashes', id.replace(/-/g, '')],
    ['not an id', 'no-such-user'],
  ];
}

/**
 * Ids are canonical lower-case UUIDs, compared byte for byte: any other form is 404 in a path
 * and 400 in a body, on SQLite and on MariaDB (whose default collation ignores case and
 * trailing spaces, which made these 500s and half-joined members before).
 */
function idRules(start: () => Promise<TestApp>): void {
  let t: TestApp;
  let me: SignedInUser;
  let other: SignedInUser;
  const as = (user: SignedInUser) => ({
    get: (path: string) => t.http.get(path).set('authorization', `Bearer ${user.token}`),
    post: (path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send(body),
    delete: (path: string) => t.http.delete(path).set('authorization', `Bearer ${user.token}`),
  });

  beforeAll(async () => {
    t = await start();
    me = await signedInUser(t.http, 'Me');
    other = await signedInUser(t.http, 'Other');
  });
  afterAll(() => t.close());

  it('answers 400 for a direct channel with my own id in another form, and never opens one', async () => {
    for (const [, id] of nonCanonicalFormsOf(me.id)) {
      const response = await as(me).post('/api/channels/direct', { userId: id }).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/userId/) });
    }
    expect((await as(me).get('/api/channels').expect(200)).body).toEqual([]);
  });

  it('answers 400 for a direct channel with another user\'s id in another form', async () => {
    for (const [, id] of nonCanonicalFormsOf(other.id)) await as(me).post('/api/channels/direct', { userId: id }).expect(400);
  });

  it('answers 404 on every channel route for a channel id in another form, and changes nothing', async () => {
    const channel = (await as(other).post('/api/channels', { name: 'Case club' }).expect(201)).body;
    for (const [form, id] of nonCanonicalFormsOf(channel.id)) {
      const path = `/api/channels/${encodeURIComponent(id)}`;
      const statuses = [
        (await as(me).get(path)).status,
        (await as(me).post(`${path}/join`)).status,
        (await as(me).get(`${path}/members`)).status,
        (await as(other).post(`${path}/members`, { userIds: [me.id] })).status,
        (await as(other).post(`${path}/leave`)).status,
      ];
      expect({ form, statuses }).toEqual({ form, statuses: [404, 404, 404, 404, 404] });
    }
    const members = await as(other).get(`/api/channels/${channel.id}/members`).expect(200);
    expect(members.body.map((member: { id: string }) => member.id)).toEqual([other.id]);
    expect((await as(me).get('/api/channels').expect(200)).body).toEqual([]);
  });

  it('answers 400 for an invite listing an id in another form, and adds nobody', async () => {
    const channel = (await as(other).post('/api/channels', { name: 'Invite club' }).expect(201)).body;
    for (const [, id] of nonCanonicalFormsOf(me.id)) {
      const response = await as(other).post(`/api/channels/${channel.id}/members`, { userIds: [id] }).expect(400);
      expect(response.body.message).toMatch(/userIds/);
    }
    await as(other).post(`/api/channels/${channel.id}/members`, { userIds: [me.id, me.id.toUpperCase()] }).expect(400);
    expect((await as(other).get(`/api/channels/${channel.id}/members`)).body).toHaveLength(1);
  });

  it('answers 404 when removing a contact by an id in another form, and keeps the contact', async () => {
    await as(me).post('/api/contacts', { email: other.email }).expect(201);
    for (const [, id] of nonCanonicalFormsOf(other.id)) await as(me).delete(`/api/contacts/${encodeURIComponent(id)}`).expect(404);
    expect((await as(me).get('/api/contacts').expect(200)).body.map((contact: { id: string }) => contact.id)).toEqual([other.id]);
  });
}

describe('ids are canonical lower-case UUIDs (HTTP, SQLite)', () => idRules(() => startTestApp()));

describeOnMysql('ids are canonical lower-case UUIDs (HTTP, DB=mysql)', () =>
  idRules(async () => {
    const schema = await createMysqlSchema();
    const app = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url });
    return { ...app, close: () => app.close().then(() => schema.drop()) };
  }),
);
