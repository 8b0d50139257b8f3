import { counter } from '@webchat/platform';
import { PushMetrics } from '../../../application/ports/push-metrics.port';

/** Push metrics on the default Prometheus registry (served at /metrics). No user or channel labels. */
export class PrometheusPushMetrics extends PushMetrics {
  private readonly sentTotal = counter({ name: 'push_notifications_sent_total', help: 'Push messages the push services took (2xx)' });
  private readonly expiredTotal = counter({ name: 'push_subscriptions_expired_total', help: 'Subscriptions removed because the push service answered 404 or 410' });
  private readonly failedTotal = counter({
    name: 'push_notifications_failed_total',
    help: 'Push messages not taken (other status, timeout, network), by reason; dropped, never retried',
    labelNames: ['reason'],
  });
  private readonly coalescedTotal = counter({ name: 'push_messages_coalesced_total', help: 'Messages folded into a notification already pending for the same user and channel' });
  private readonly droppedTotal = counter({ name: 'push_messages_dropped_total', help: 'Stored messages never examined for push because the queue was full' });

  sent(): void {
    this.sentTotal.inc();
  }

  expired(): void {
    this.expiredTotal.inc();
  }

  failed(reason: string): void {
    this.failedTotal.inc({ reason });
  }

  coalesced(count: number): void {
    this.coalescedTotal.inc(count);
  }

  dropped(count: number): void {
    this.droppedTotal.inc(count);
  }
}
