import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
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
});
