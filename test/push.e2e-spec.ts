import { DataSource } from 'typeorm';
import { generateVAPIDKeys } from 'web-push';
import type { Socket } from 'socket.io-client';
import { bearer } from './support/account-client';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { storedNotice } from './support/chat-messages';
import { describeOnKafkaAndMysql, twoKafkaNodes } from './support/cluster-node-env';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { ReceivedPush, TestBrowser, TestPushService } from './support/push-service';
import { signedInUser, SignedInUser, startTestApp, TestApp } from './support/test-app';

interface Payload {
  title: string;
  body: string;
  channelId: string;
  messageId: string;
  seq: number;
  count: number;
}

/** Push settings of these tests: the local push service on http://127.0.0.1, quick ticks and a short coalescing window. */
const COALESCE_MS = 800;
const PUSH_ENV = { PUSH_ALLOW_HTTP_LOOPBACK: 'true', PUSH_BATCH_MS: '50', PUSH_COALESCE_MS: String(COALESCE_MS) };
const payloadOf = (push: ReceivedPush) => push.payload as Payload;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new browser of the push service, subscribed for the user. */
async function subscribeBrowser(t: TestApp, service: TestPushService, user: SignedInUser): Promise<TestBrowser> {
  const browser = service.browser();
  await t.http.post('/api/push/subscriptions').set(bearer(user.token)).send(browser.subscription).expect(201);
  return browser;
}

async function send(socket: Socket, channelId: string, text: string): Promise<{ seq: number; id: string }> {
  const ack = await ask<{ ok: boolean; message: { seq: number; id: string } }>(socket, 'message:send', { channelId, clientMsgId: `${Date.now()}-${Math.random()}`, text });
  expect(ack.ok).toBe(true);
  return ack.message;
}

/** Waits until an answer from the servers holds (polling), failing with `what` after 10 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

describeOnEachStore('Web Push', (start) => {
  let t: TestApp;
  let service: TestPushService;
  const sockets = socketsClosedAfterEach();

  beforeAll(async () => {
    service = await TestPushService.start();
    t = await start(PUSH_ENV);
  });
  afterAll(async () => {
    await t?.close();
    await service?.close();
  });
  afterEach(() => expect(service.rejected).toEqual([]));

  const subscribe = (user: SignedInUser) => subscribeBrowser(t, service, user);
  const publicChannel = async (owner: SignedInUser, name: string, ...members: SignedInUser[]): Promise<string> => {
    const id = (await t.http.post('/api/channels').set(bearer(owner.token)).send({ name }).expect(201)).body.id as string;
    for (const member of members) {
      await t.http.post(`/api/channels/${id}/join`).set(bearer(member.token)).send({}).expect(200);
      // Its join notice stored before any socket connects, so no socket counts it as a message.
      await storedNotice(t, id, `${member.username} joined`);
    }
    return id;
  };
  const online = async (user: SignedInUser): Promise<Socket> => sockets.keep(await connectChat(t.url, user.token));
  const pushesTo = (browser: TestBrowser) => service.to(browser);

  it('answers the VAPID public key to a signed-in user: a raw P-256 point, the key that signs every push', async () => {
    await t.http.get('/api/push/vapid-public-key').expect(401);
    const ana = await signedInUser(t.http, 'Ana');
    const { body } = await t.http.get('/api/push/vapid-public-key').set(bearer(ana.token)).expect(200);
    const key = Buffer.from(body.publicKey, 'base64url');
    expect(key).toHaveLength(65);
    expect(key[0]).toBe(4);
  });

  it('keeps and removes a subscription: validated, my own only, 404 for an unknown endpoint', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const browser = service.browser();
    const posted = await t.http.post('/api/push/subscriptions').set(bearer(ana.token)).send(browser.subscription).expect(201);
    expect(posted.body).toEqual({ endpoint: browser.subscription.endpoint, createdAt: expect.any(String) });
    // The browser subscribing again (every page load) is the same subscription.
    await t.http.post('/api/push/subscriptions').set(bearer(ana.token)).send(browser.subscription).expect(201);
    const { keys } = browser.subscription;
    const bad = [
      { ...browser.subscription, endpoint: 'http://push.example.com/x' },
      { ...browser.subscription, endpoint: 'http://localhost:9/x' },
      { ...browser.subscription, endpoint: 'https://user:pw@push.example.com/x' },
      { ...browser.subscription, endpoint: 'not a url' },
      { ...browser.subscription, endpoint: `https://push.example.com/${'x'.repeat(2048)}` },
      { ...browser.subscription, keys: { ...keys, p256dh: keys.p256dh.slice(0, 40) } },
      { ...browser.subscription, keys: { ...keys, p256dh: `A${keys.p256dh.slice(1)}` } },
      { ...browser.subscription, keys: { ...keys, auth: keys.auth.slice(0, 10) } },
      { ...browser.subscription, keys: { ...keys, auth: 'not base64!!' } },
      { ...browser.subscription, keys: { ...keys, extra: 1 } },
      { ...browser.subscription, unknown: true },
      { endpoint: browser.subscription.endpoint },
    ];
    for (const body of bad) {
      const response = await t.http.post('/api/push/subscriptions').set(bearer(ana.token)).send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    await t.http.post('/api/push/subscriptions').send(browser.subscription).expect(401);
    await t.http.delete('/api/push/subscriptions').set(bearer(ben.token)).send({ endpoint: browser.subscription.endpoint }).expect(404);
    await t.http.delete('/api/push/subscriptions').set(bearer(ana.token)).send({ endpoint: browser.subscription.endpoint }).expect(204);
    await t.http.delete('/api/push/subscriptions').set(bearer(ana.token)).send({ endpoint: browser.subscription.endpoint }).expect(404);
    await t.http.delete('/api/push/subscriptions').set(bearer(ana.token)).send({}).expect(400);
  });

  it('forgets a deleted account\'s subscriptions, mutes and settings', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const channelId = await publicChannel(ana, 'farewell', ben);
    await subscribe(ben);
    await t.http.put(`/api/channels/${channelId}/mute`).set(bearer(ben.token)).expect(204);
    await t.http.put('/api/push/settings').set(bearer(ben.token)).send({ showPrivateText: true }).expect(200);
    const rows = async () => {
      const sql = t.app.get(DataSource);
      return Promise.all(
        ['push_subscriptions', 'push_channel_mutes', 'push_settings'].map(async (table) => Number((await sql.query(`SELECT COUNT(*) AS n FROM ${table} WHERE user_id = ?`, [ben.id]))[0].n)),
      );
    };
    expect(await rows()).toEqual([1, 1, 1]);
    await t.http.delete('/api/users/me').set(bearer(ben.token)).send({ password: ben.password }).expect(204);
    expect(await rows()).toEqual([0, 0, 0]);
  });

  it('pushes a message to a member with no socket: VAPID-signed for the service, encrypted for the browser, a snippet in a public channel', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const channelId = await publicChannel(ana, 'general', ben);
    const [benBrowser, anaBrowser] = [await subscribe(ben), await subscribe(ana)];
    const message = await send(await online(ana), channelId, '  hello Ben, 안녕하세요  ');

    await eventually(() => pushesTo(benBrowser).length === 1, 'the push to Ben');
    const [push] = pushesTo(benBrowser);
    const { body: vapid } = await t.http.get('/api/push/vapid-public-key').set(bearer(ben.token)).expect(200);
    expect(push.vapidKey).toBe(vapid.publicKey);
    expect(push.jwtClaims.aud).toBe(service.origin);
    expect(push.headers.urgency).toBe('normal');
    expect(push.headers.topic).toBe(channelId.replace(/-/g, ''));
    expect(payloadOf(push)).toEqual({ title: 'general', body: 'Ana: hello Ben, 안녕하세요', channelId, messageId: message.id, seq: message.seq, count: 1 });
    // The sender (online, and the sender) gets nothing.
    await pause(300);
    expect(pushesTo(anaBrowser)).toEqual([]);
  });

  it('sends nothing to a member with a connected socket, and nothing from a channel they muted', async () => {
    const [ana, ben, cho] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben'), await signedInUser(t.http, 'Cho')];
    const channelId = await publicChannel(ana, 'quiet', ben, cho);
    const [benBrowser, choBrowser] = [await subscribe(ben), await subscribe(cho)];
    const anaSocket = await online(ana);
    const benSocket = await online(ben);
    const atBen = collect(benSocket, 'message:new');
    await send(anaSocket, channelId, 'Ben is here');
    await eventually(() => atBen.length === 1 && pushesTo(choBrowser).length === 1, 'Ben sees it live, Cho by push');
    await pause(300);
    expect(pushesTo(benBrowser)).toEqual([]);

    // Cho mutes the channel: her next message goes nowhere; Ben goes offline and gets it.
    await t.http.put(`/api/channels/${channelId}/mute`).set(bearer(cho.token)).expect(204);
    await t.http.put(`/api/channels/${channelId}/mute`).set(bearer(cho.token)).expect(204);
    expect((await t.http.get('/api/push/settings').set(bearer(cho.token)).expect(200)).body).toEqual({ showPrivateText: false, mutedChannelIds: [channelId] });
    const presenceAtAna = collect<{ userId: string; status: string }>(anaSocket, 'presence');
    benSocket.close();
    await eventually(() => presenceAtAna.some((event) => event.userId === ben.id && event.status === 'offline'), 'Ben offline');
    await send(anaSocket, channelId, 'while muted');
    await eventually(() => pushesTo(benBrowser).length === 1, 'the push to Ben, offline now');
    await pause(COALESCE_MS + 300);
    expect(pushesTo(choBrowser)).toHaveLength(1);

    await t.http.delete(`/api/channels/${channelId}/mute`).set(bearer(cho.token)).expect(204);
    await send(anaSocket, channelId, 'unmuted');
    await eventually(() => pushesTo(choBrowser).length === 2, 'the push to Cho after unmuting');
    expect(payloadOf(pushesTo(choBrowser)[1]).body).toBe('Ana: unmuted');
  });

  it('lets members only mute: 404 for a private channel of others or a malformed id, 403 for a public non-member', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const open = await publicChannel(ana, 'open');
    const closed = (await t.http.post('/api/channels').set(bearer(ana.token)).send({ name: 'closed', isPrivate: true, password: 'sesame' }).expect(201)).body.id;
    await t.http.put(`/api/channels/${open}/mute`).set(bearer(ben.token)).expect(403);
    await t.http.delete(`/api/channels/${open}/mute`).set(bearer(ben.token)).expect(403);
    await t.http.put(`/api/channels/${closed}/mute`).set(bearer(ben.token)).expect(404);
    await t.http.put('/api/channels/not-an-id/mute').set(bearer(ben.token)).expect(404);
    await t.http.put(`/api/channels/${open}/mute`).expect(401);
    await t.http.delete(`/api/channels/${closed}/mute`).set(bearer(ana.token)).expect(204);
  });

  it('shows no text from private and direct channels unless the user allows it', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const direct = (await t.http.post('/api/channels/direct').set(bearer(ana.token)).send({ userId: ben.id }).expect(201)).body.id;
    const secret = (await t.http.post('/api/channels').set(bearer(ana.token)).send({ name: 'secret club', isPrivate: true, password: 'sesame' }).expect(201)).body.id;
    await t.http.post(`/api/channels/${secret}/members`).set(bearer(ana.token)).send({ userIds: [ben.id] }).expect(200);
    const benBrowser = await subscribe(ben);
    const anaSocket = await online(ana);

    await send(anaSocket, direct, 'the code is 1234');
    await send(anaSocket, secret, 'the code is 5678');
    await eventually(() => pushesTo(benBrowser).length === 2, 'both pushes to Ben');
    const hidden = pushesTo(benBrowser).map(payloadOf);
    expect(JSON.stringify(hidden)).not.toMatch(/code is/);
    expect(hidden.find((p) => p.channelId === direct)).toMatchObject({ title: 'Ana', body: 'New message from Ana' });
    expect(hidden.find((p) => p.channelId === secret)).toMatchObject({ title: 'secret club', body: 'New message in secret club' });

    const changed = await t.http.put('/api/push/settings').set(bearer(ben.token)).send({ showPrivateText: true }).expect(200);
    expect(changed.body).toEqual({ showPrivateText: true, mutedChannelIds: [] });
    await t.http.put('/api/push/settings').set(bearer(ben.token)).send({ showPrivateText: 'yes' }).expect(400);
    await pause(COALESCE_MS);
    await send(anaSocket, direct, 'now you may read this');
    await send(anaSocket, secret, 'and this');
    await eventually(() => pushesTo(benBrowser).length === 4, 'two more pushes to Ben');
    const shown = pushesTo(benBrowser).slice(2).map(payloadOf);
    expect(shown.find((p) => p.channelId === direct)).toMatchObject({ title: 'Ana', body: 'now you may read this' });
    expect(shown.find((p) => p.channelId === secret)).toMatchObject({ title: 'secret club', body: 'Ana: and this' });
  });

  it('never holds up delivery: members online get message:new while the push service takes seconds', async () => {
    const slowMs = 4_000;
    const [ana, ben, cho] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben'), await signedInUser(t.http, 'Cho')];
    const channelId = await publicChannel(ana, 'slow push', ben, cho);
    const choBrowser = await subscribe(cho);
    const anaSocket = await online(ana);
    const atBen = collect<{ seq: number }>(await online(ben), 'message:new');
    service.delayMs = slowMs;
    try {
      const started = Date.now();
      await send(anaSocket, channelId, 'first: its push hangs');
      await eventually(() => pushesTo(choBrowser).length === 1, 'the push request under way');
      // The push tick is waiting on the service now; messages keep flowing.
      for (let n = 0; n < 5; n += 1) await send(anaSocket, channelId, `meanwhile ${n}`);
      await eventually(() => atBen.length === 6, 'all six at Ben');
      // Had delivery waited for the push, the six could not have arrived before the push service answered.
      expect(Date.now() - started).toBeLessThan(slowMs - 500);
    } finally {
      service.delayMs = 0;
    }
    // The slow answer arrives before the next test starts.
    await pause(slowMs);
  });

  it('folds a burst into at most one push per user and channel per window, carrying the newest message and the count', async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const channelId = await publicChannel(ana, 'busy', ben);
    const benBrowser = await subscribe(ben);
    const anaSocket = await online(ana);
    const sent = await Promise.all(Array.from({ length: 30 }, (_, n) => send(anaSocket, channelId, `burst ${n}`)));
    const lastSeq = Math.max(...sent.map((message) => message.seq));

    await eventually(() => pushesTo(benBrowser).reduce((sum, push) => sum + payloadOf(push).count, 0) === 30, 'pushes standing for all 30 messages', 10_000);
    await pause(COALESCE_MS + 300);
    const pushes = pushesTo(benBrowser).map(payloadOf);
    expect(pushes.length).toBeLessThanOrEqual(2);
    expect(pushes[pushes.length - 1]).toMatchObject({ seq: lastSeq, body: expect.stringMatching(/^Ana: burst \d+/) });
    if (pushes.length === 2) expect(pushes[1].body).toMatch(/\(\d+ new messages\)$/);
  });

  it('removes a subscription the push service calls gone (410), and counts other failures without retrying', async () => {
    const [ana, ben, cho] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben'), await signedInUser(t.http, 'Cho')];
    const channelId = await publicChannel(ana, 'flaky', ben, cho);
    const [gone, failing] = [await subscribe(ben), await subscribe(cho)];
    service.answer(gone, 410);
    service.answer(failing, 500);
    const metricsBefore = (await t.http.get('/metrics').expect(200)).text;
    const anaSocket = await online(ana);

    await send(anaSocket, channelId, 'anyone there?');
    await eventually(() => pushesTo(gone).length === 1 && pushesTo(failing).length === 1, 'one attempt at each');
    await pause(COALESCE_MS + 300);
    await send(anaSocket, channelId, 'again');
    await eventually(() => pushesTo(failing).length === 2, 'the next message tried on the failing one');
    await pause(300);
    // Gone: never tried again, and no longer Ben's. Failing: tried once per notice, kept.
    expect(pushesTo(gone)).toHaveLength(1);
    expect(pushesTo(failing)).toHaveLength(2);
    await t.http.delete('/api/push/subscriptions').set(bearer(ben.token)).send({ endpoint: gone.subscription.endpoint }).expect(404);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    const count = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    expect(count(metrics, 'push_subscriptions_expired_total') - count(metricsBefore, 'push_subscriptions_expired_total')).toBe(1);
    expect(count(metrics, 'push_notifications_failed_total{reason="http_500"}') - count(metricsBefore, 'push_notifications_failed_total{reason="http_500"}')).toBe(2);
    await t.http.delete('/api/push/subscriptions').set(bearer(cho.token)).send({ endpoint: failing.subscription.endpoint }).expect(204);
  });
});

// Two nodes on Kafka and one MariaDB schema, one VAPID key pair (as production must configure):
// "offline" means no socket on any node, and each message is decided once in the cluster.
describeOnKafkaAndMysql('Web Push across two nodes', () => {
  let service: TestPushService;
  const keys = generateVAPIDKeys();
  const cluster = twoKafkaNodes((env) => startTestApp({ ...env, ...PUSH_ENV, VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey }, { listen: true }));
  const sockets = socketsClosedAfterEach();
  beforeAll(async () => {
    service = await TestPushService.start();
  });
  afterAll(() => service?.close());
  afterEach(() => expect(service.rejected).toEqual([]));

  it('pushes once per message to members offline on both nodes, and never to one connected on the other node', async () => {
    const [one, two] = cluster.nodes();
    const [ana, ben, cho] = [await signedInUser(one.http, 'Ana'), await signedInUser(one.http, 'Ben'), await signedInUser(one.http, 'Cho')];
    const channelId = (await one.http.post('/api/channels').set(bearer(ana.token)).send({ name: 'across' }).expect(201)).body.id as string;
    for (const member of [ben, cho]) await two.http.post(`/api/channels/${channelId}/join`).set(bearer(member.token)).send({}).expect(200);
    const [benBrowser, choBrowser] = [await subscribeBrowser(one, service, ben), await subscribeBrowser(two, service, cho)];
    const anaSocket = sockets.keep(await connectChat(one.url, ana.token));
    const benSocket = sockets.keep(await connectChat(two.url, ben.token));
    // Both nodes know Ben is online (node 1 learns it from node 2 over the event bus).
    const benOnlineOn = async (node: TestApp) =>
      ((await node.http.get(`/api/channels/${channelId}/members`).set(bearer(ana.token)).expect(200)).body as { id: string; online: boolean }[]).some((m) => m.id === ben.id && m.online);
    await until(async () => (await benOnlineOn(one)) && (await benOnlineOn(two)), 'Ben online on both nodes');

    const first = await send(anaSocket, channelId, 'to both nodes');
    await eventually(() => service.to(choBrowser).length === 1, 'the push to Cho', 10_000);
    await pause(COALESCE_MS + 500);
    expect(service.to(choBrowser).map((push) => (push.payload as Payload).seq)).toEqual([first.seq]);
    expect(service.to(benBrowser)).toEqual([]);

    // Ben leaves node 2: the next message reaches him by push, once.
    benSocket.close();
    await until(async () => !(await benOnlineOn(one)) && !(await benOnlineOn(two)), 'Ben offline on both nodes');
    const second = await send(anaSocket, channelId, 'Ben, you left');
    await eventually(() => service.to(benBrowser).length === 1, 'the push to Ben', 10_000);
    await pause(COALESCE_MS + 500);
    expect(service.to(benBrowser).map((push) => (push.payload as Payload).seq)).toEqual([second.seq]);
    expect(service.to(choBrowser).map((push) => (push.payload as Payload).seq)).toEqual([first.seq, second.seq]);
  }, 60_000);
});
