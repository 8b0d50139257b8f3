import { LogLine, SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

const ERROR_LEVEL = 50;
const errorLines = (logs: LogLine[]) => logs.filter((line) => line.level >= ERROR_LEVEL);

/** Hostile but well-formed requests must end in a 4xx with the contract's error body, never a 500. */
describe('input hardening (HTTP, SQLite)', () => {
  let t: TestApp;
  let me: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp({}, { captureLogs: true });
    me = await signedInUser(t.http, 'Hardened');
  });
  afterAll(() => t.close());

  const postJson = (path: string, text: string) =>
    t.http.post(path).set('authorization', `Bearer ${me.token}`).set('content-type', 'application/json').send(text);

  describe('deeply nested JSON', () => {
    // About 4 KB: deep enough to overflow the stack of a recursive transform or validator.
    const deep = `{"email":${'['.repeat(2000)}${']'.repeat(2000)}}`;

    it.each(['/api/auth/signup', '/api/auth/login', '/api/contacts', '/api/channels', '/api/channels/direct'])(
      'answers 400 on %s before validation, without logging an error',
      async (path) => {
        const before = errorLines(t.logs).length;
        const response = await postJson(path, deep);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'JSON body is nested deeper than 32 levels' });
        expect(errorLines(t.logs).slice(before)).toEqual([]);
      },
    );

    it('lets a body nested up to the limit through to validation', async () => {
      const atLimit = `{"email":${'['.repeat(31)}${']'.repeat(31)}}`;
      const response = await postJson('/api/auth/login', atLimit);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/email must be/);
    });
  });
});
