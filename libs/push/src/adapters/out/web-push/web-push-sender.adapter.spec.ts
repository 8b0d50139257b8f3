import { createECDH, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateVAPIDKeys } from 'web-push';
import { PushSubscription } from '../../../domain/push-subscription';
import { WebPushSender } from './web-push-sender.adapter';

// What the sender makes of each kind of answer; the request itself (VAPID, encryption) is checked
// end to end against a local push service in test/push.e2e-spec.ts.
describe('WebPushSender outcomes', () => {
  let server: Server;
  let status = 201;
  let hang = false;
  const sender = new WebPushSender({ keys: generateVAPIDKeys(), subject: 'mailto:ops@example.com', timeoutMs: 300 });
  const subscription = (endpoint: string): PushSubscription => ({
    userId: 'u1',
    endpoint,
    p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
    createdAt: new Date(),
  });
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      if (!hang) request.on('end', () => response.writeHead(status).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/1`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterEach(() => {
    status = 201;
    hang = false;
  });

  it('answers sent for 2xx, gone for 404 and 410, failed with the status otherwise', async () => {
    for (const [answer, outcome] of [
      [201, { kind: 'sent' }],
      [200, { kind: 'sent' }],
      [404, { kind: 'gone' }],
      [410, { kind: 'gone' }],
      [429, { kind: 'failed', reason: 'http_429' }],
      [500, { kind: 'failed', reason: 'http_500' }],
      [301, { kind: 'failed', reason: 'http_301' }],
    ] as const) {
      status = answer;
      expect(await sender.send(subscription(endpoint), '{}', 'topic')).toEqual(outcome);
    }
  });

  it('gives up on a push service that does not answer in time, and on one that cannot be reached', async () => {
    hang = true;
    expect(await sender.send(subscription(endpoint), '{}', 'topic')).toEqual({ kind: 'failed', reason: 'timeout' });
    expect(await sender.send(subscription('http://127.0.0.1:1/push/1'), '{}', 'topic')).toEqual({ kind: 'failed', reason: 'network' });
  });
});
