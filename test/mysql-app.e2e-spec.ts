import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { signedInUser, startTestApp } from './support/test-app';

describeOnMysql('the server on MySQL (DB=mysql)', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  beforeAll(async () => {
    schema = await createMysqlSchema();
  });
  afterAll(() => schema.drop());

  it('migrates an empty schema at start-up, serves auth, and starts again on the migrated schema', async () => {
    const first = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url });
    const mina = await signedInUser(first.http, '민아');
    await first.http.get('/health').expect(200);
    await first.close();

    const second = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url });
    try {
      const me = await second.http.get('/api/users/me').set('authorization', `Bearer ${mina.token}`).expect(200);
      expect(me.body).toEqual({ id: mina.id, email: mina.email, username: '민아' });
      await second.http.post('/api/auth/signup').send({ email: mina.email.toUpperCase(), username: 'x', password: 'password-123' }).expect(409);
    } finally {
      await second.close();
    }
  });

  it('starts two nodes at once on an empty schema: they take turns migrating, each migration runs once', async () => {
    const fresh = await createMysqlSchema();
    const starts = await Promise.allSettled([startTestApp({ DB: 'mysql', MYSQL_URL: fresh.url }), startTestApp({ DB: 'mysql', MYSQL_URL: fresh.url })]);
    const nodes = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    try {
      // Both must start: without the lock they race on the same CREATE TABLE (seen here: one failed, or both stuck).
      expect(starts.map((start) => (start.status === 'rejected' ? String(start.reason) : 'started'))).toEqual(['started', 'started']);
      await Promise.all(nodes.map((node) => node.http.get('/health').expect(200)));
      const dataSource = nodes[0].app.get(DataSource);
      const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations');
      expect(applied.length).toBe(dataSource.migrations.length);
      expect(new Set(applied.map((row) => row.name)).size).toBe(applied.length);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await fresh.drop();
    }
  });

  it('keeps channel and contact rules under concurrent requests on MySQL', async () => {
    const app = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url });
    try {
      const [a, b] = [await signedInUser(app.http, 'A'), await signedInUser(app.http, 'B')];
      const post = (user: typeof a, path: string, body: object) =>
        app.http.post(path).set('authorization', `Bearer ${user.token}`).send(body);
      const directs = await Promise.all([
        ...Array.from({ length: 4 }, () => post(a, '/api/channels/direct', { userId: b.id })),
        ...Array.from({ length: 4 }, () => post(b, '/api/channels/direct', { userId: a.id })),
      ]);
      expect(new Set(directs.map((r) => r.body.id)).size).toBe(1);
      expect(directs.filter((r) => r.status === 201)).toHaveLength(1);

      const channel = (await post(a, '/api/channels', { name: '비밀 모임', isPrivate: true, password: 'sesame' }).expect(201)).body;
      const joins = await Promise.all(Array.from({ length: 5 }, () => post(b, `/api/channels/${channel.id}/join`, { password: 'sesame' })));
      expect(joins.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const after = await app.http.get(`/api/channels/${channel.id}`).set('authorization', `Bearer ${b.token}`).expect(200);
      expect(after.body.memberCount).toBe(2);

      const adds = await Promise.all([post(a, '/api/contacts', { email: b.email }), post(a, '/api/contacts', { email: b.email })]);
      expect(adds.map((r) => r.status).sort()).toEqual([201, 409]);
    } finally {
      await app.close();
    }
  });

  it('creates and finds channels whose names lengthen when lower-cased (51 to 100 × İ)', async () => {
    const app = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url });
    try {
      const owner = await signedInUser(app.http, 'İlkay');
      for (const length of [51, 100]) {
        const name = 'İ'.repeat(length);
        const created = await app.http.post('/api/channels').set('authorization', `Bearer ${owner.token}`).send({ name }).expect(201);
        expect(created.body.name).toBe(name);
      }
      const found = await app.http.get(`/api/channels/search?q=${encodeURIComponent('İ'.repeat(60))}`).set('authorization', `Bearer ${owner.token}`).expect(200);
      expect(found.body.items.map((channel: { name: string }) => [...channel.name].length)).toEqual([100]);
    } finally {
      await app.close();
    }
  });
});
