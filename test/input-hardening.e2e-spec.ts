import { LogLine, SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

const ERROR_LEVEL = 50;
const errorLines = (logs: LogLine[]) => logs.filter((line) => line.level >= ERROR_LEVEL);

/** Hostile but well-formed requests must end in a 4xx with the contract's error body, never a 500. */
describe('input hardening (HTTP, SQLite)', () => {
  let t: TestApp;
  let me: SignedInUser;
  let myChannelId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { captureLogs: true });
    me = await signedInUser(t.http, 'Hardened');
    const channel = await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send({ name: 'Mine' }).expect(201);
    myChannelId = channel.body.id;
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

  describe('bodies that do not parse or are too large', () => {
    it('answers 400 with the error body to malformed JSON', async () => {
      const response = await postJson('/api/channels', '{"name": ');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Malformed JSON body' });
    });

    it('answers 413 with the error body beyond 100 kB, without logging an error, and takes 100 kB', async () => {
      const before = errorLines(t.logs).length;
      const padded = (bytes: number) => `{"name":"ok","description":"${'x'.repeat(bytes - 30)}"}`;
      expect(Buffer.byteLength(padded(100 * 1024))).toBe(100 * 1024);
      const tooLarge = await postJson('/api/channels', padded(100 * 1024 + 1));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body too large' });
      // At the limit the body is parsed: validation, not the parser, refuses the long description.
      const atLimit = await postJson('/api/channels', padded(100 * 1024));
      expect(atLimit.status).toBe(400);
      expect(atLimit.body.message).toMatch(/description/);
      expect(errorLines(t.logs).slice(before)).toEqual([]);
    });
  });

  describe('bodies that are not JSON', () => {
    const unsupported = { statusCode: 415, error: 'Unsupported Media Type', message: 'A request body must be application/json' };

    it('answers 415 to a form-encoded login', async () => {
      const response = await t.http.post('/api/auth/login').type('form').send({ email: me.email, password: me.password });
      expect(response.status).toBe(415);
      expect(response.body).toEqual(unsupported);
    });

    it('answers 415 to a text/plain body, even one holding JSON', async () => {
      const json = JSON.stringify({ email: me.email, password: me.password });
      const response = await t.http.post('/api/auth/login').set('content-type', 'text/plain').send(json);
      expect(response.status).toBe(415);
      expect(response.body).toEqual(unsupported);
    });

    it('answers 415 to a JSON suffix type and to a body without any content type', async () => {
      const json = JSON.stringify({ name: 'typed' });
      const suffix = await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).set('content-type', 'application/merge-patch+json').send(json);
      expect(suffix.status).toBe(415);
      // superagent types a string body as a form unless the header is removed after send().
      const untyped = await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send(json).unset('Content-Type');
      expect(untyped.status).toBe(415);
      expect(untyped.body).toEqual(unsupported);
    });

    it('takes application/json with a utf-8 charset', async () => {
      await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ email: me.email, password: me.password }))
        .expect(200);
    });

    it('keeps body-less requests working without a content type, whatever the method', async () => {
      const channel = await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send({ name: 'Leave me' }).expect(201);
      await t.http.get('/api/channels').set('authorization', `Bearer ${me.token}`).expect(200);
      await t.http.post(`/api/channels/${channel.body.id}/leave`).set('authorization', `Bearer ${me.token}`).expect(204);
      const emptyText = await t.http.post('/api/channels/none/leave').set('authorization', `Bearer ${me.token}`).set('content-type', 'text/plain').send('');
      expect(emptyText.status).toBe(404);
    });

    it('documents the 415 in the OpenAPI document', async () => {
      const document = (await t.http.get('/docs-json').expect(200)).body;
      expect(document.paths['/api/auth/login'].post.responses['415']).toEqual({ description: expect.stringMatching(/application\/json/) });
    });
  });

  describe('strings that are not well-formed Unicode', () => {
    // JSON escapes carry a lone surrogate through JSON.parse; stored, it would read back as U+FFFD.
    it.each([
      ['a sign-up email', '/api/auth/signup', '{"email":"\\ud800a@x.io","username":"A","password":"password-123"}', /^email must be well-formed Unicode/],
      ['a contact email', '/api/contacts', '{"email":"\\ud800a@x.io"}', /^email must be well-formed Unicode/],
      ['a username ending in a high surrogate', '/api/auth/signup', '{"email":"lone@x.io","username":"Mina\\ud83d","password":"password-123"}', /^username must be well-formed Unicode/],
      ['a channel name with a lone low surrogate', '/api/channels', '{"name":"\\udc00 club"}', /^name must be well-formed Unicode/],
      ['a channel description', '/api/channels', '{"name":"ok","description":"about \\ud800"}', /^description must be well-formed Unicode/],
      ['a password', '/api/auth/login', '{"email":"a@x.io","password":"pass\\udfffword"}', /^password must be well-formed Unicode/],
      ['an item of a list', 'my channel members', '{"userIds":["ok","\\ud800"]}', /^userIds\.1 must be well-formed Unicode/],
      ['a key', '/api/channels', '{"name":"ok","\\ud800":1}', /key that is not well-formed Unicode/],
    ])('answers 400 for %s', async (_case, path, text, reason) => {
      const response = await postJson(path === 'my channel members' ? `/api/channels/${myChannelId}/members` : path, text);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(reason) });
    });

    it('keeps well-formed astral characters (a surrogate pair) as they are', async () => {
      const response = await postJson('/api/channels', '{"name":"\\ud83d\\udc31 cats"}').expect(201);
      expect(response.body.name).toBe('🐱 cats');
    });
  });

  describe('null for a field', () => {
    it.each([
      ['the password of a private channel', '/api/channels', { name: 'x', isPrivate: true, password: null }, 'password must not be null'],
      ['an optional description', '/api/channels', { name: 'x', description: null }, 'description must not be null'],
      ['an optional flag', '/api/channels', { name: 'x', isPrivate: null }, 'isPrivate must not be null'],
      ['a required email', '/api/contacts', { email: null }, 'email must not be null'],
      ['an item of a list', 'my channel members', { userIds: ['a', null] }, 'userIds.1 must not be null'],
    ])('answers 400 for null as %s', async (_case, path, body, message) => {
      const response = await postJson(path === 'my channel members' ? `/api/channels/${myChannelId}/members` : path, JSON.stringify(body));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
    });

    it('answers 400 for a null join password instead of taking it for none', async () => {
      const channel = await t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send({ name: 'Open' }).expect(201);
      const other = await signedInUser(t.http, 'Joiner');
      const response = await t.http
        .post(`/api/channels/${channel.body.id}/join`)
        .set('authorization', `Bearer ${other.token}`)
        .send({ password: null });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('password must not be null');
    });
  });

  describe('keys that name object internals', () => {
    it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
      'answers 400 for a body key %s, as for any unknown field',
      async (key) => {
        const response = await postJson('/api/channels', `{"name":"x","${key}":{"isPrivate":true}}`);
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: `property ${key} should not exist` });
      },
    );

    it('answers 400 for such a key in the query string', async () => {
      const response = await t.http.get('/api/channels/search?q=x&constructor=1').set('authorization', `Bearer ${me.token}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('property constructor should not exist');
    });
  });

  describe('display strings', () => {
    const signUp = (username: string) =>
      t.http.post('/api/auth/signup').send({ email: `display.${Math.random().toString(36).slice(2)}@example.com`, username, password: 'password-123' });
    const createChannel = (body: object) => t.http.post('/api/channels').set('authorization', `Bearer ${me.token}`).send(body);

    it.each([
      ['NUL', 'Mi\u0000na', /^username must not contain control characters/],
      ['an escape sequence', '\u001B[2JMina', /^username must not contain control characters/],
      ['a right-to-left override', 'Mina\u202Eeliforp', /^username must not contain bidirectional control characters/],
      ['only zero-width characters', '\u200B\u2060\uFEFF', /^username must contain a visible character/],
      ['only a Hangul filler', '\u3164', /^username must contain a visible character/],
      ['only Hangul choseong and jungseong fillers', '\u115F\u1160', /^username must contain a visible character/],
    ])('refuses a username with %s', async (_case, username, reason) => {
      const response = await signUp(username);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(reason) });
    });

    it.each([
      ['a name with a line break', { name: 'Book\nclub' }, /^name must not contain control characters or line breaks/],
      ['a name with a left-to-right isolate', { name: '\u2066club' }, /^name must not contain bidirectional control characters/],
      ['a name of invisible characters', { name: '\u200B\u3164' }, /^name must contain a visible character/],
      ['a description with a tab', { name: 'ok', description: 'a\tb' }, /^description must not contain control characters other than line breaks/],
      ['a description with a bidi override', { name: 'ok', description: 'x\u202Dy' }, /^description must not contain bidirectional control characters/],
    ])('refuses a channel with %s', async (_case, body, reason) => {
      const response = await createChannel(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(reason);
    });

    it('keeps line breaks in a description and joiners inside visible names', async () => {
      const response = await createChannel({ name: '👨‍👩‍👧 가족', description: 'Saturdays\nand\r\nSundays' }).expect(201);
      expect(response.body).toMatchObject({ name: '👨‍👩‍👧 가족', description: 'Saturdays\nand\r\nSundays' });
      await signUp('김하나').expect(201);
    });
  });
});
