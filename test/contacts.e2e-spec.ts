import { Presence } from '@webchat/platform';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

describe('contacts (HTTP, SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const auth = (user: SignedInUser) => ({ authorization: `Bearer ${user.token}` });
  const addContact = (owner: SignedInUser, body: object) => t.http.post('/api/contacts').set(auth(owner)).send(body);
  const listContacts = (owner: SignedInUser) => t.http.get('/api/contacts').set(auth(owner)).expect(200);

  describe('POST /api/contacts', () => {
    it('adds a user by any case of the email: 201 with the contact, offline', async () => {
      const [me, jun] = [await signedInUser(t.http, 'Me'), await signedInUser(t.http, '준')];
      const response = await addContact(me, { email: `  ${jun.email.toUpperCase()} ` }).expect(201);
      expect(response.body).toEqual({ id: jun.id, email: jun.email, username: '준', online: false });
    });

    it('shows a contact online while one of their sockets is connected (when they keep me too)', async () => {
      const [me, hana] = [await signedInUser(t.http), await signedInUser(t.http, 'Hana')];
      await addContact(hana, { email: me.email }).expect(201);
      await t.app.get(Presence).connected(hana.id, 'socket-1');
      try {
        const added = await addContact(me, { email: hana.email }).expect(201);
        expect(added.body.online).toBe(true);
        expect((await listContacts(me)).body).toEqual([{ id: hana.id, email: hana.email, username: 'Hana', online: true }]);
      } finally {
        await t.app.get(Presence).disconnected(hana.id, 'socket-1');
      }
      expect((await listContacts(me)).body[0].online).toBe(false);
    });

    it('answers 404 for an email nobody has', async () => {
      const me = await signedInUser(t.http);
      const response = await addContact(me, { email: 'nobody.here@example.com' }).expect(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No user has that email' });
    });

    it('answers 409 for a user already in my contacts, whatever the case', async () => {
      const [me, jun] = [await signedInUser(t.http), await signedInUser(t.http)];
      await addContact(me, { email: jun.email }).expect(201);
      const response = await addContact(me, { email: jun.email.toUpperCase() }).expect(409);
      expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'That user is already in your contacts' });
    });

    it('answers 400 for my own email', async () => {
      const me = await signedInUser(t.http);
      const response = await addContact(me, { email: me.email.toUpperCase() }).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'You cannot add yourself as a contact' });
      expect((await listContacts(me)).body).toEqual([]);
    });

    it.each([
      ['a bad email', { email: 'not-an-email' }, /email/],
      ['an email over 254 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com` }, /email/],
      ['a missing email', {}, /email/],
      ['a number for an email', { email: 42 }, /email/],
      ['an unknown field', { email: 'x@example.com', nickname: 'X' }, /nickname should not exist/],
    ])('answers 400 with a reason for %s', async (_case, body, reason) => {
      const me = await signedInUser(t.http);
      const response = await addContact(me, body).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toMatch(reason);
    });

    it('makes one entry of two concurrent adds of one user: one 201, one 409', async () => {
      const [me, jun] = [await signedInUser(t.http), await signedInUser(t.http)];
      const responses = await Promise.all([addContact(me, { email: jun.email }), addContact(me, { email: jun.email })]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
      expect((await listContacts(me)).body).toHaveLength(1);
    });
  });

  describe('GET /api/contacts', () => {
    it('answers a plain array in the order the contacts were added', async () => {
      const me = await signedInUser(t.http);
      const others = [await signedInUser(t.http, 'C'), await signedInUser(t.http, 'A'), await signedInUser(t.http, 'B')];
      expect((await listContacts(me)).body).toEqual([]);
      for (const other of others) await addContact(me, { email: other.email }).expect(201);
      expect((await listContacts(me)).body).toEqual(
        others.map((other) => ({ id: other.id, email: other.email, username: other.username, online: false })),
      );
    });

    it('shows only my own list: adding is one-way and other lists stay hidden', async () => {
      const [me, jun, hana] = [await signedInUser(t.http), await signedInUser(t.http), await signedInUser(t.http)];
      await addContact(me, { email: jun.email }).expect(201);
      await addContact(hana, { email: me.email }).expect(201);
      expect((await listContacts(me)).body.map((contact: { id: string }) => contact.id)).toEqual([jun.id]);
      expect((await listContacts(jun)).body).toEqual([]);
      expect((await listContacts(hana)).body.map((contact: { id: string }) => contact.id)).toEqual([me.id]);
    });
  });

  describe('DELETE /api/contacts/:userId', () => {
    it('answers 204 and removes the contact, then 404', async () => {
      const [me, jun, hana] = [await signedInUser(t.http), await signedInUser(t.http), await signedInUser(t.http)];
      await addContact(me, { email: jun.email }).expect(201);
      await addContact(me, { email: hana.email }).expect(201);
      const removed = await t.http.delete(`/api/contacts/${jun.id}`).set(auth(me)).expect(204);
      expect(removed.text).toBe('');
      expect((await listContacts(me)).body.map((contact: { id: string }) => contact.id)).toEqual([hana.id]);
      const again = await t.http.delete(`/api/contacts/${jun.id}`).set(auth(me)).expect(404);
      expect(again.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'That user is not in your contacts' });
    });

    it('answers 404 for a user in someone else\'s list only, and leaves that list alone', async () => {
      const [me, jun, hana] = [await signedInUser(t.http), await signedInUser(t.http), await signedInUser(t.http)];
      await addContact(hana, { email: jun.email }).expect(201);
      await t.http.delete(`/api/contacts/${jun.id}`).set(auth(me)).expect(404);
      await t.http.delete('/api/contacts/no-such-user').set(auth(me)).expect(404);
      expect((await listContacts(hana)).body).toHaveLength(1);
    });

    it('lets me add a contact again after removing it', async () => {
      const [me, jun] = [await signedInUser(t.http), await signedInUser(t.http)];
      await addContact(me, { email: jun.email }).expect(201);
      await t.http.delete(`/api/contacts/${jun.id}`).set(auth(me)).expect(204);
      await addContact(me, { email: jun.email }).expect(201);
    });
  });

  it('answers 401 on every route without a token', async () => {
    const jun = await signedInUser(t.http);
    for (const call of [
      t.http.get('/api/contacts'),
      t.http.post('/api/contacts').send({ email: jun.email }),
      t.http.delete(`/api/contacts/${jun.id}`),
    ]) {
      const response = await call.expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });
});
