import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A browser's side of a push subscription: its key pair and auth secret, and the JSON it posts. */
export interface TestBrowser {
  readonly subscription: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  /** Decrypts a push message body meant for this browser (RFC 8291 over RFC 8188 aes128gcm). */
  decrypt(body: Buffer): string;
}

/** One request the push service received, checked and decrypted. */
export interface ReceivedPush {
  readonly endpoint: string;
  /** The VAPID public key (k=) of the Authorization header, whose key verified the JWT. */
  readonly vapidKey: string;
  readonly jwtClaims: { aud: string; exp: number; sub: string };
  readonly headers: IncomingMessage['headers'];
  readonly payload: unknown;
}

/**
 * A local push service for tests, on http://127.0.0.1: each browser gets an endpoint; a request
 * to it must carry a valid VAPID header (RFC 8292: an ES256 JWT for this origin, not expired,
 * signed by the key it names) and an aes128gcm body the browser's keys decrypt. Anything else
 * is recorded as a rejection and answered 400/401. `answer` sets the status a browser's endpoint
 * gives (410 says the subscription is gone); `delayMs` slows every answer.
 */
export class TestPushService {
  readonly received: ReceivedPush[] = [];
  readonly rejected: string[] = [];
  private readonly browsers = new Map<string, TestBrowser>();
  private readonly statuses = new Map<string, number>();
  /** How long every answer takes (a slow push service). */
  delayMs = 0;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<TestPushService> {
    let service: TestPushService | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = service!.handle(request, Buffer.concat(chunks));
        setTimeout(() => response.writeHead(status).end(), service!.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    service = new TestPushService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return service;
  }

  /** A new browser with a fresh P-256 key pair and 16-byte auth secret, and an endpoint here. */
  browser(): TestBrowser {
    const { ecdh, publicKey, auth, keys } = browserKeys();
    const endpoint = `${this.origin}/push/${randomUUID()}`;
    const browser: TestBrowser = {
      subscription: { endpoint, expirationTime: null, keys },
      decrypt: (body) => decryptAes128gcm(body, ecdh, publicKey, auth),
    };
    this.browsers.set(endpoint, browser);
    return browser;
  }

  /** The status the browser's endpoint answers from now on (201 until told otherwise). */
  answer(browser: TestBrowser, status: number): void {
    this.statuses.set(browser.subscription.endpoint, status);
  }

  to(browser: TestBrowser): ReceivedPush[] {
    return this.received.filter((push) => push.endpoint === browser.subscription.endpoint);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, body: Buffer): number {
    const endpoint = `${this.origin}${request.url}`;
    const browser = this.browsers.get(endpoint);
    if (request.method !== 'POST' || !browser) return this.reject(`unknown endpoint ${request.method} ${endpoint}`, 404);
    let vapid: Pick<ReceivedPush, 'vapidKey' | 'jwtClaims'>;
    try {
      vapid = checkVapid(request.headers.authorization, this.origin);
    } catch (error) {
      return this.reject(`bad VAPID header: ${(error as Error).message}`, 401);
    }
    if (request.headers['content-encoding'] !== 'aes128gcm') return this.reject(`content-encoding ${request.headers['content-encoding']}`, 400);
    if (!/^\d+$/.test(String(request.headers.ttl))) return this.reject('no TTL header', 400);
    let payload: unknown;
    try {
      payload = JSON.parse(browser.decrypt(body));
    } catch (error) {
      return this.reject(`cannot decrypt: ${(error as Error).message}`, 400);
    }
    this.received.push({ endpoint, ...vapid, headers: request.headers, payload });
    return this.statuses.get(endpoint) ?? 201;
  }

  private reject(reason: string, status: number): number {
    this.rejected.push(reason);
    return status;
  }
}

/**
 * RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT is ES256 (raw r||s signature) over
 * header.claims, verified with the key k names; its audience is the push service's origin and
 * it has not expired (and does not reach past 24 h).
 */
function checkVapid(header: string | undefined, origin: string): Pick<ReceivedPush, 'vapidKey' | 'jwtClaims'> {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error(`not "vapid t=…, k=…": ${header}`);
  const [, jwt, vapidKey] = match;
  const [headerPart, claimsPart, signaturePart] = jwt.split('.');
  const jwtHeader = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { alg?: string; typ?: string };
  if (jwtHeader.alg !== 'ES256') throw new Error(`alg ${jwtHeader.alg}`);
  const point = Buffer.from(vapidKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const signed = Buffer.from(`${headerPart}.${claimsPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== 64 || !verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, signature)) throw new Error('signature does not verify');
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as ReceivedPush['jwtClaims'];
  if (claims.aud !== origin) throw new Error(`aud ${claims.aud}, expected ${origin}`);
  const now = Date.now() / 1000;
  if (!(claims.exp > now) || claims.exp > now + 24 * 3600) throw new Error(`exp ${claims.exp}`);
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`sub ${claims.sub}`);
  return { vapidKey, jwtClaims: claims };
}

/**
 * RFC 8188 framing (salt 16 | record size 4 | key id length 1 | key id = the sender's public key)
 * with RFC 8291's keys: IKM = HKDF(auth, ECDH secret, "WebPush: info\0" ‖ ua_public ‖ as_public, 32),
 * CEK = HKDF(salt, IKM, "Content-Encoding: aes128gcm\0", 16), nonce = HKDF(salt, IKM, "Content-Encoding: nonce\0", 12).
 * A push message is one record: AES-128-GCM with a 16-byte tag, then padding delimiter 0x02.
 */
/** What a browser's pushManager.subscribe makes: a fresh P-256 key pair and a 16-byte auth secret, and their `keys` as sent. */
export function browserKeys() {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, publicKey, auth, keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') } };
}

function decryptAes128gcm(body: Buffer, ecdh: ReturnType<typeof createECDH>, uaPublic: Buffer, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const asPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`key id of ${idLength} bytes, expected the 65-byte sender key`);
  if (record.length > recordSize) throw new Error('more than one record');
  const secret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('no last-record delimiter (0x02)');
  return padded.subarray(0, end).toString('utf8');
}
