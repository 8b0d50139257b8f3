import { startTestApp, TestApp } from './support/test-app';

interface Operation {
  security?: Record<string, unknown>[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
}

/** Every status a route can answer is in /docs-json: the rules that hold for whole groups of routes. */
describe('the OpenAPI document (GET /docs-json)', () => {
  let t: TestApp;
  let operations: { route: string; operation: Operation }[];
  beforeAll(async () => {
    t = await startTestApp();
    const paths = (await t.http.get('/docs-json').expect(200)).body.paths as Record<string, Record<string, Operation>>;
    operations = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t.close());

  const statusesOf = (route: string) => Object.keys(operations.find((entry) => entry.route === route)?.operation.responses ?? {});

  it('documents 401 and 429 with Retry-After on every route that needs a token', () => {
    const guarded = operations.filter(({ operation }) => operation.security?.some((scheme) => 'bearer' in scheme));
    expect(guarded.length).toBeGreaterThanOrEqual(12);
    const missing = guarded
      .filter(({ operation }) => !operation.responses['401'] || !operation.responses['429']?.headers?.['Retry-After'])
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('declares no security on the public routes, and bearer security on every other API route', () => {
    const publicRoutes = ['POST /api/auth/signup', 'POST /api/auth/login'];
    const needsToken = ({ operation }: (typeof operations)[number]) => (operation.security ?? []).some((scheme) => 'bearer' in scheme);
    expect(operations.filter((entry) => publicRoutes.includes(entry.route) && needsToken(entry)).map((entry) => entry.route)).toEqual([]);
    expect(
      operations.filter((entry) => entry.route.includes(' /api/') && !publicRoutes.includes(entry.route) && !needsToken(entry)).map((entry) => entry.route),
    ).toEqual([]);
  });

  it('documents 404 on every route with an id in its path', () => {
    const withId = operations.filter(({ route }) => /\{(id|userId)\}/.test(route));
    expect(withId.length).toBeGreaterThanOrEqual(6);
    expect(withId.filter(({ operation }) => !operation.responses['404']).map(({ route }) => route)).toEqual([]);
  });

  it('documents every status of the message routes', () => {
    const failures = ['400', '401', '403', '404', '429'];
    expect(statusesOf('GET /api/channels/{id}/messages')).toEqual(expect.arrayContaining(['200', ...failures]));
    expect(statusesOf('GET /api/channels/{id}/messages/search')).toEqual(expect.arrayContaining(['200', ...failures]));
    expect(statusesOf('POST /api/channels/{id}/read')).toEqual(expect.arrayContaining(['204', ...failures]));
  });

  it('documents every status of the push routes', () => {
    const auth = ['401', '429'];
    expect(statusesOf('GET /api/push/vapid-public-key')).toEqual(expect.arrayContaining(['200', ...auth]));
    expect(statusesOf('POST /api/push/subscriptions')).toEqual(expect.arrayContaining(['201', '400', ...auth]));
    expect(statusesOf('DELETE /api/push/subscriptions')).toEqual(expect.arrayContaining(['204', '400', '404', ...auth]));
    expect(statusesOf('GET /api/push/settings')).toEqual(expect.arrayContaining(['200', ...auth]));
    expect(statusesOf('PUT /api/push/settings')).toEqual(expect.arrayContaining(['200', '400', ...auth]));
    for (const route of ['PUT /api/channels/{id}/mute', 'DELETE /api/channels/{id}/mute']) {
      expect(statusesOf(route)).toEqual(expect.arrayContaining(['204', '400', '403', '404', ...auth]));
    }
  });

  it('documents the rate limits of logging in and of joining a private channel', () => {
    expect(statusesOf('POST /api/auth/login')).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(statusesOf('POST /api/channels/{id}/join')).toEqual(expect.arrayContaining(['200', '403', '404', '429']));
  });

  it('documents every answer of the money moves and reserved transfers', () => {
    const moves = ['201', '400', '401', '403', '404', '409', '422', '429', '503'];
    expect(statusesOf('POST /api/transfers')).toEqual(expect.arrayContaining(moves));
    expect(statusesOf('POST /api/wallets/{id}/withdrawals')).toEqual(expect.arrayContaining(moves));
    expect(statusesOf('POST /api/wallets/{id}/deposits')).toEqual(expect.arrayContaining(moves));
    expect(statusesOf('POST /api/reserved-transfers')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '429']));
    expect(statusesOf('DELETE /api/reserved-transfers/{id}')).toEqual(expect.arrayContaining(['204', '404', '409']));
    expect(statusesOf('GET /api/wallets/{id}/entries')).toEqual(expect.arrayContaining(['200', '400', '404']));
  });
});
