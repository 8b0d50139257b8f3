import { DataSource } from 'typeorm';
import { openApiPath, servedRoutes } from './support/served-routes';
import { startTestApp, TestApp } from './support/test-app';

/** Every route the app serves, as `METHOD /path` with `{param}` placeholders like OpenAPI. */
function servedRouteNames(t: TestApp): string[] {
  return servedRoutes(t).map((route) => `${route.method} ${openApiPath(route.path)}`);
}

describe('platform endpoints (HTTP, SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health answers ok with the store up', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', store: 'up', node: expect.any(String) });
  });

  it('GET /metrics exposes process metrics and the HTTP histogram by route template and status', async () => {
    await t.http.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'password-123' }).expect(401);
    await t.http.get('/api/users/me').expect(401);
    const response = await t.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(response.text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/login",status_code="401"\} 1/);
    expect(response.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/users\/me",status_code="401"\} 1/);
  });

  it('labels a request no route matched as unmatched, never by its raw URL', async () => {
    await t.http.get('/api/no-such-route/12345').expect(404);
    const response = await t.http.get('/metrics').expect(200);
    expect(response.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} \d+/);
    expect(response.text).not.toContain('no-such-route');
  });

  it('GET /docs-json lists every served API route, and /docs serves the UI', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = servedRouteNames(t).filter((route) => route !== 'GET /metrics' && !route.includes('/docs'));
    expect(served).toEqual(expect.arrayContaining(['POST /api/auth/signup', 'POST /api/auth/login', 'GET /api/users/me', 'GET /health']));
    expect(documented.sort()).toEqual(expect.arrayContaining(served.sort()));
    const ui = await t.http.get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('describes the request bodies of the DTOs in the document', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    expect(document.components.schemas.SignUpDto.properties).toEqual(
      expect.objectContaining({ email: expect.any(Object), username: expect.any(Object), password: expect.any(Object) }),
    );
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await t.http.get('/api/no-such-route').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers a path it cannot decode with a 400 error body, its request id echoed', async () => {
    const response = await t.http.get('/api/channels/%').set('x-request-id', 'bad-url-1').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    expect(response.headers['x-request-id']).toBe('bad-url-1');
  });

  it('does not say which framework answers (no X-Powered-By)', async () => {
    const responses = [await t.http.get('/health'), await t.http.get('/api/users/me'), await t.http.get('/api/no-such-route')];
    for (const response of responses) expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t.http.get('/health').set('x-request-id', 'trace-42').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-42');
    const made = await t.http.get('/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // Last on purpose: it closes the store under the running app.
  it('GET /health answers 503 once the store no longer answers', async () => {
    await t.app.get(DataSource).destroy();
    const response = await t.http.get('/health').expect(503);
    expect(response.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'Store unreachable' });
  });
});
