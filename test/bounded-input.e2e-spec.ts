import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LogLine, SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

const errorLines = (logs: LogLine[]) => logs.filter((line) => line.level >= 50);

/** Sends a body in chunks without Content-Length (Transfer-Encoding: chunked), as a streaming client does. */
function postChunked(url: string, path: string, contentType: string, chunks: number, chunk: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(`${url}${path}`, { method: 'POST', headers: { 'content-type': contentType } }, (response) => {
      let body = '';
      response.on('data', (part: Buffer) => (body += part.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent: that is the point.
    call.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (let n = 0; n < chunks; n += 1) call.write(chunk);
    call.end();
  });
}

/** Every list and every body is bounded: past a bound the answer is 400 or 413 with a reason, never a 500. */
describe('bounded sizes (HTTP, SQLite)', () => {
  let t: TestApp;
  let me: SignedInUser;
  let channelId: string;
  let walletId: string;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_REST_PER_SECOND: '10000', RATE_LIMIT_REST_BURST: '100000' }, { listen: true, captureLogs: true });
    me = await signedInUser(t.http, 'Bounded');
    channelId = (await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send({ name: 'Mine' }).expect(201)).body.id;
    walletId = (await t.http.post('/api/wallets').set('authorization', `Bearer ${me.token}`).send({ password: 'wallet-pass' }).expect(201)).body.id;
  });
  afterAll(() => t.close());
  afterEach(() => expect(errorLines(t.logs)).toEqual([]));

  const auth = () => ({ authorization: `Bearer ${me.token}` });

  it('takes at most 100 users in one invite (400 naming the bound), and answers 404 for 100 unknown ones', async () => {
    const ids = (count: number) => Array.from({ length: count }, () => randomUUID());
    const tooMany = await t.http.post(`/api/channels/${channelId}/members`).set(auth()).send({ userIds: ids(101) }).expect(400);
    expect(tooMany.body.message).toMatch(/userIds must contain no more than 100 elements/);
    // 20,000 ids fit in 100 kB only as short strings: still refused by the count, before any look-up.
    const many = await t.http.post(`/api/channels/${channelId}/members`).set(auth()).send({ userIds: Array.from({ length: 20_000 }, () => 'x') }).expect(400);
    expect(many.body.message).toMatch(/no more than 100/);
    await t.http.post(`/api/channels/${channelId}/members`).set(auth()).send({ userIds: ids(100) }).expect(404);
    await t.http.post(`/api/channels/${channelId}/members`).set(auth()).send({ userIds: [] }).expect(400);
  });

  it.each([
    ['/api/channels/:id/messages', 100],
    ['/api/channels/:id/messages/search?q=a&', 50],
    ['/api/channels/search?q=a&', 50],
    ['/api/users/search?q=a&', 20],
    ['/api/wallets/:wallet/entries', 100],
  ])('answers 400 for a limit past the bound of %s (%i), and for absurd ones', async (route, bound) => {
    const path = route.replace(':id', channelId).replace(':wallet', walletId);
    const url = (limit: string) => `${path}${path.endsWith('&') ? '' : '?'}limit=${limit}`;
    await t.http.get(url(String(bound))).set(auth()).expect(200);
    for (const limit of [String(bound + 1), '1000000000000', '1e3', '-1', '0']) {
      const refused = await t.http.get(url(limit)).set(auth());
      expect({ limit, status: refused.status }).toEqual({ limit, status: 400 });
      expect(refused.body.message).toMatch(/limit/);
    }
  });

  it('answers 413 to a chunked JSON body past 100 kB, though it carries no Content-Length', async () => {
    const answer = await postChunked(t.url, '/api/auth/login', 'application/json', 200, `{"email":"${'x'.repeat(1000)}`);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body too large' });
  });

  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/x-www-form-urlencoded'])(
    'answers 415 to a 2 MB %s body without reading it',
    async (contentType) => {
      const answer = await postChunked(t.url, '/api/channels', contentType, 2048, 'y'.repeat(1024));
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 415 });
    },
  );
});
