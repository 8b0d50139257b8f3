import { signedInUser, startTestApp, TestApp } from './support/test-app';

/** One directive of a Content-Security-Policy header, as its list of sources. */
function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([key]) => key === name);
  if (!found) throw new Error(`no ${name} in ${policy}`);
  return found.slice(1);
}

/** Whether a source list lets in a URL loaded by a page at `pageOrigin` (the subset of CSP matching our policy uses). */
function allows(sources: string[], url: string, pageOrigin: string): boolean {
  const target = new URL(url, pageOrigin);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === pageOrigin;
    if (source.endsWith(':') && !source.includes('/')) return target.protocol === source;
    return `${target.protocol}//${target.host}` === source;
  });
}

describe('security headers (helmet) on the API and on Swagger UI (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends the usual hardening headers on API answers, errors included', async () => {
    for (const response of [await t.http.get('/health').expect(200), await t.http.get('/api/users/me').expect(401)]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['content-security-policy']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('lets scripts run only from our own origin, never inline, and sockets reach our own host only', async () => {
    const page = 'http://chat.example.com:3000';
    const policy = String((await t.http.get('/health').set('host', 'chat.example.com:3000')).headers['content-security-policy']);
    const scripts = directive(policy, 'script-src');
    expect(scripts).toEqual(["'self'"]);
    expect(directive(policy, 'script-src-attr')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    const connect = directive(policy, 'connect-src');
    for (const url of ['/api/users/me', 'ws://chat.example.com:3000/socket.io/', 'wss://chat.example.com:3000/socket.io/']) {
      expect(allows(connect, url, page)).toBe(true);
    }
    for (const url of ['https://evil.example.com/steal', 'ws://evil.example.com/socket.io/']) expect(allows(connect, url, page)).toBe(false);
    // The browser client (Mantine) sets inline style attributes and style elements.
    expect(directive(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('writes no ws source for a Host header that could break out of the policy', async () => {
    const policy = String((await t.http.get('/health').set('host', "evil.com; script-src 'unsafe-inline'")).headers['content-security-policy']);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
  });

  it('serves Swagger UI at /docs with every script, style sheet and image its page names, all allowed by the policy', async () => {
    const page = await t.http.get('/docs').redirects(1).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const policy = String(page.headers['content-security-policy']);
    const origin = 'http://127.0.0.1';
    const base = new URL(page.request.url).pathname.replace(/[^/]*$/, '');
    const html = page.text;
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
    const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
    const images = [...html.matchAll(/<link[^>]*rel="icon"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    // No inline script: the policy would block it.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    for (const [kind, urls] of [['script-src', scripts], ['style-src', sheets], ['img-src', images]] as const) {
      for (const url of urls) {
        const path = new URL(url, `${origin}${base}`).pathname;
        expect(allows(directive(policy, kind), path, origin)).toBe(true);
        const file = await t.http.get(path);
        expect({ path, status: file.status }).toEqual({ path, status: 200 });
      }
    }
    // The page's init script loads the document from our origin.
    await t.http.get('/docs-json').expect(200);
  });
});

describe('CORS allow-list on HTTP (SQLite)', () => {
  const PARTNER = 'https://partner.example.com';
  const STRANGER = 'https://evil.example.com';

  describe('by default (same origin only)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('sends no CORS headers to any other origin, on answers and on preflights', async () => {
      const user = await signedInUser(t.http);
      const answer = await t.http.get('/api/users/me').set('origin', PARTNER).set('authorization', `Bearer ${user.token}`).expect(200);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http.options('/api/users/me').set('origin', PARTNER).set('access-control-request-method', 'GET');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });
  });

  describe('with CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ CORS_ORIGINS: `${PARTNER},http://localhost:5173` });
    });
    afterAll(() => t.close());

    it('answers a listed origin with CORS headers, its preflight too, and exposes Retry-After', async () => {
      const preflight = await t.http
        .options('/api/auth/login')
        .set('origin', PARTNER)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,authorization')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      const user = await signedInUser(t.http);
      const answer = await t.http.get('/api/users/me').set('origin', PARTNER).set('authorization', `Bearer ${user.token}`).expect(200);
      expect(answer.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(answer.headers['access-control-expose-headers']).toContain('Retry-After');
      expect(answer.headers.vary).toMatch(/origin/i);
    });

    it('sends none to an origin that is not listed', async () => {
      const answer = await t.http.get('/health').set('origin', STRANGER).expect(200);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http.options('/api/auth/login').set('origin', STRANGER).set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
