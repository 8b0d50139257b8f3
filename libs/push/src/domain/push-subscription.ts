import { InvalidPushSubscriptionError } from './push.errors';

/** A browser's push subscription (PushSubscription.toJSON()), kept for one user. */
export interface PushSubscription {
  readonly userId: string;
  /** The push service's URL for this browser: unique, it names the subscription. */
  readonly endpoint: string;
  /** The browser's P-256 public key (65 bytes, uncompressed), URL-safe base64. */
  readonly p256dh: string;
  /** The browser's 16-byte authentication secret, URL-safe base64. */
  readonly auth: string;
  readonly createdAt: Date;
}

/** Longest endpoint accepted (push services' URLs are a few hundred characters). */
export const PUSH_ENDPOINT_MAX_LENGTH = 2048;
const P256DH_BYTES = 65;
const UNCOMPRESSED_POINT = 0x04;
const AUTH_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export interface PushEndpointPolicy {
  /** http:// on 127.0.0.1 too (a local push service in tests); https:// only otherwise. */
  readonly allowHttpLoopback: boolean;
}

/** Checks an endpoint: an https URL (or http on 127.0.0.1 when allowed), without credentials. */
export function checkPushEndpoint(endpoint: string, policy: PushEndpointPolicy): string {
  if (endpoint.length > PUSH_ENDPOINT_MAX_LENGTH) throw new InvalidPushSubscriptionError(`endpoint is longer than ${PUSH_ENDPOINT_MAX_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InvalidPushSubscriptionError('endpoint must be an absolute URL');
  }
  const loopbackHttp = policy.allowHttpLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !loopbackHttp) throw new InvalidPushSubscriptionError('endpoint must be an https URL');
  if (url.username !== '' || url.password !== '') throw new InvalidPushSubscriptionError('endpoint must not carry credentials');
  return endpoint;
}

/** Checks the browser's keys by their decoded length (and the public key's uncompressed-point prefix). */
export function checkPushKeys(p256dh: string, auth: string): { p256dh: string; auth: string } {
  const key = decoded(p256dh);
  if (key?.length !== P256DH_BYTES || key[0] !== UNCOMPRESSED_POINT) {
    throw new InvalidPushSubscriptionError(`keys.p256dh must be an uncompressed P-256 public key (${P256DH_BYTES} bytes) in URL-safe base64`);
  }
  if (decoded(auth)?.length !== AUTH_BYTES) throw new InvalidPushSubscriptionError(`keys.auth must be ${AUTH_BYTES} bytes in URL-safe base64`);
  return { p256dh, auth };
}

function decoded(value: string): Buffer | undefined {
  return BASE64URL.test(value) ? Buffer.from(value, 'base64url') : undefined;
}
