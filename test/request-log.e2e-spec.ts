import { LogLine, signedInUser, startTestApp, TestApp } from './support/test-app';

/** What the request log keeps of a request: never a credential, whatever header or query parameter carries it. */
describe('request log (HTTP, SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { captureLogs: true });
  });
  afterAll(() => t.close());

  const lineOf = (requestId: string): LogLine => {
    const line = t.logs.find((entry) => (entry.req as { id?: string } | undefined)?.id === requestId);
    if (!line) throw new Error(`no log line for request ${requestId}`);
    return line;
  };

  it('redacts every credential-like header, keeps the others', async () => {
    const me = await signedInUser(t.http);
    const secrets = {
      authorization: `Bearer ${me.token}`,
      'proxy-authorization': 'Basic cHJveHk6c2VjcmV0LTE=',
      cookie: 'sid=secret-2',
      'x-api-key': 'secret-3',
      'x-auth-token': 'secret-4',
      'x-refresh-token': 'secret-5',
      'x-client-secret': 'secret-6',
      'x-account-password': 'secret-7',
      'x-csrf-token': 'secret-8',
      'x-session-id': 'secret-9',
    };
    await t.http.get('/api/users/me').set(secrets).set('x-request-id', 'log-headers').set('user-agent', 'probe/1.0').expect(200);
    const line = lineOf('log-headers');
    const headers = (line.req as { headers: Record<string, string> }).headers;
    for (const name of Object.keys(secrets)) expect(headers[name]).toBe('[Redacted]');
    expect(headers['user-agent']).toBe('probe/1.0');
    expect(headers['x-request-id']).toBe('log-headers');
    const text = JSON.stringify(line);
    for (const value of Object.values(secrets)) expect(text).not.toContain(value.split(' ').pop());
  });

  it('redacts credential-like query parameters and search terms in the logged URL and query', async () => {
    const path = '/health?access_token=secret-a&token=secret-b&api_key=secret-c&apiKey=secret-d&client%5Fsecret=secret-e&page=2&q=cats';
    await t.http.get(path).set('x-request-id', 'log-query').expect(200);
    const req = lineOf('log-query').req as { url: string; query: Record<string, string> };
    expect(req.url).toBe(
      '/health?access_token=[Redacted]&token=[Redacted]&api_key=[Redacted]&apiKey=[Redacted]&client%5Fsecret=[Redacted]&page=2&q=[Redacted]',
    );
    expect(req.query).toMatchObject({ access_token: '[Redacted]', token: '[Redacted]', page: '2', q: '[Redacted]' });
    expect(JSON.stringify(req)).not.toMatch(/secret-[a-e]|cats/);
  });

  it('logs a request whose path cannot be decoded, too', async () => {
    await t.http.get('/api/channels/%').set('x-request-id', 'log-bad-url').expect(400);
    expect(lineOf('log-bad-url')).toMatchObject({ res: { statusCode: 400 } });
  });
});
