import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';

const INDEX = '<!doctype html><title>WebChat</title><div id="root"></div>';
const SCRIPT = 'console.log("client");';

/** A stand-in for a Vite build: index.html and one hashed asset. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'webchat-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, '.source-hash'), 'stamp\n');
  return dir;
}

describe('the web client served at / (HTTP, SQLite)', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fakeWebBuild();
    t = await startTestApp({ WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / and the hashed assets as files, cached for good', async () => {
    const root = await t.http.get('/').expect(200);
    expect(root.headers['content-type']).toMatch(/^text\/html/);
    expect(root.text).toBe(INDEX);
    const asset = await t.http.get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.text).toBe(SCRIPT);
  });

  it("answers the client's own routes with index.html (a reload of /channels/42 opens the app)", async () => {
    for (const path of ['/channels/42', '/wallet', '/contacts?tab=1', '/login']) {
      const page = await t.http.get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.text).toBe(INDEX);
    }
  });

  it("keeps the server's own paths: unknown URLs under them are the API's JSON 404", async () => {
    for (const path of ['/api', '/api/no-such-route', '/api/channels/1/nothing', '/docs/nothing', '/metrics/x', '/health/x']) {
      const response = await t.http.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    }
    await t.http.get('/health').expect(200);
    await t.http.get('/metrics').expect(200);
    await t.http.get('/docs-json').expect(200);
    expect((await t.http.get('/docs/').expect(200)).text).toContain('swagger');
    // socket.io answers its own path (here its refusal of an unknown transport), never index.html.
    const socketIo = await t.http.get('/socket.io/?EIO=4&transport=nothing');
    expect(socketIo.status).toBe(400);
    expect(socketIo.text).not.toContain('<div id="root">');
  });

  it('does not serve the build stamp, and other methods than GET stay 404', async () => {
    expect((await t.http.get('/.source-hash')).text).not.toContain('stamp');
    const post = await t.http.post('/channels/42').send({}).expect(404);
    expect(post.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('adds no route of the static files to the OpenAPI document', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/') && path !== '/health' && path !== '/metrics')).toEqual([]);
  });
});

describe('no web client built (HTTP, SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ WEB_DIR: join(tmpdir(), 'webchat-no-web-client-here') });
  });
  afterAll(() => t.close());

  it('serves the API alone, / being a JSON 404', async () => {
    await t.http.get('/health').expect(200);
    const root = await t.http.get('/').expect(404);
    expect(root.body).toMatchObject({ statusCode: 404 });
  });
});
