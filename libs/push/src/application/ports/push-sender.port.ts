import { PushSubscription } from '../../domain/push-subscription';

/** What the push service answered: taken, the subscription is gone (404/410), or another failure. */
export type PushOutcome = { readonly kind: 'sent' } | { readonly kind: 'gone' } | { readonly kind: 'failed'; readonly reason: string };

/** Sends one encrypted, VAPID-signed push message (RFC 8291, RFC 8292). */
export abstract class PushSender {
  /** The VAPID public key (URL-safe base64, raw P-256) browsers subscribe with. */
  abstract publicKey(): string;
  /** One attempt, never retried: `topic` lets the push service replace an undelivered earlier message. */
  abstract send(subscription: PushSubscription, payload: string, topic: string): Promise<PushOutcome>;
}
