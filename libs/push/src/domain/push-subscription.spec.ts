import { checkPushEndpoint, checkPushKeys } from './push-subscription';
import { InvalidPushSubscriptionError } from './push.errors';

const p256dh = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
const auth = Buffer.alloc(16, 2).toString('base64url');

describe('push subscription checks', () => {
  it('takes https endpoints, and http only on 127.0.0.1 when the policy allows it', () => {
    const strict = { allowHttpLoopback: false };
    const loose = { allowHttpLoopback: true };
    expect(checkPushEndpoint('https://fcm.googleapis.com/fcm/send/abc', strict)).toBe('https://fcm.googleapis.com/fcm/send/abc');
    expect(() => checkPushEndpoint('http://127.0.0.1:9000/push/1', strict)).toThrow(InvalidPushSubscriptionError);
    expect(checkPushEndpoint('http://127.0.0.1:9000/push/1', loose)).toBe('http://127.0.0.1:9000/push/1');
    for (const endpoint of ['http://localhost:9000/x', 'http://10.0.0.1/x', 'ftp://127.0.0.1/x', 'https://u:p@push.example.com/x', '/relative', '']) {
      expect(() => checkPushEndpoint(endpoint, loose)).toThrow(InvalidPushSubscriptionError);
    }
  });

  it('checks the keys by their decoded length and the point prefix', () => {
    expect(checkPushKeys(p256dh, auth)).toEqual({ p256dh, auth });
    const compressed = Buffer.concat([Buffer.from([2]), Buffer.alloc(64, 1)]).toString('base64url');
    for (const [key, secret] of [
      [compressed, auth],
      [p256dh.slice(0, -4), auth],
      [`${p256dh}AAAA`, auth],
      [p256dh, Buffer.alloc(15).toString('base64url')],
      [p256dh, 'a+b/'.repeat(6)],
      ['', auth],
    ]) {
      expect(() => checkPushKeys(key, secret)).toThrow(InvalidPushSubscriptionError);
    }
  });
});
