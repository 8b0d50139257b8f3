import { generateRequestDetails } from 'web-push';
import type { Logger } from 'pino';
import { PushOutcome, PushSender } from '../../../application/ports/push-sender.port';
import { PushSubscription } from '../../../domain/push-subscription';
import { VapidKeys } from './vapid-keys';

export interface WebPushSenderOptions {
  readonly keys: VapidKeys;
  readonly subject: string;
  /** How long a push service may take to answer before the attempt counts as failed. */
  readonly timeoutMs: number;
  readonly logger?: Logger;
}

/** How long a push service keeps an undelivered notification (a day: older news is history). */
const TTL_SECONDS = 86_400;

/**
 * PushSender through the `web-push` library: it encrypts the payload (RFC 8291, aes128gcm) and
 * signs the VAPID header (RFC 8292); the request itself goes out with fetch, which speaks http
 * to a local push service in tests as well as https (the library's own sender speaks https only).
 */
export class WebPushSender extends PushSender {
  constructor(private readonly options: WebPushSenderOptions) {
    super();
  }

  publicKey(): string {
    return this.options.keys.publicKey;
  }

  async send(subscription: PushSubscription, payload: string, topic: string): Promise<PushOutcome> {
    try {
      const request = generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
        vapidDetails: { subject: this.options.subject, ...this.options.keys },
        contentEncoding: 'aes128gcm',
        TTL: TTL_SECONDS,
        topic,
      });
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers,
        body: request.body ?? undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { kind: 'sent' };
      if (response.status === 404 || response.status === 410) return { kind: 'gone' };
      return this.failed(subscription, `status ${response.status}`, `http_${response.status}`);
    } catch (error) {
      const reason = (error as Error)?.name === 'TimeoutError' ? 'timeout' : 'network';
      return this.failed(subscription, String((error as Error)?.message ?? error), reason);
    }
  }

  private failed(subscription: PushSubscription, detail: string, reason: string): PushOutcome {
    // The endpoint's origin only: its path identifies the browser.
    this.options.logger?.warn({ pushService: new URL(subscription.endpoint).origin, detail }, 'push: a notification was not taken (dropped, not retried)');
    return { kind: 'failed', reason };
  }
}
