import { ChatMetrics } from '../../../application/ports/chat-metrics.port';
import { counter, gauge, histogram, LATENCY_BUCKETS } from '@webchat/platform';

/** Chat metrics on the default Prometheus registry (served at /metrics). No user or channel labels. */
export class PrometheusChatMetrics extends ChatMetrics {
  private readonly receivedTotal = counter({ name: 'chat_messages_received_total', help: 'message:send events received' });
  private readonly rejectedTotal = counter({ name: 'chat_messages_rejected_total', help: 'message:send answered with an error ack, by code', labelNames: ['code'] });
  private readonly storedTotal = counter({ name: 'chat_messages_stored_total', help: 'Messages newly stored by this node' });
  private readonly deliveredTotal = counter({ name: 'chat_messages_delivered_total', help: 'New messages emitted to the rooms of this node' });
  private readonly ackSeconds = histogram({ name: 'chat_send_ack_seconds', help: 'message:send to its ack, in seconds', buckets: LATENCY_BUCKETS });
  private readonly deliverySeconds = histogram({
    name: 'chat_send_delivery_seconds',
    help: 'message:send to the new message emitted to the rooms of this node, in seconds (clocks of two nodes may differ)',
    buckets: LATENCY_BUCKETS,
  });
  private readonly batchSize = histogram({ name: 'chat_store_batch_size', help: 'Drafts per store transaction', buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500] });
  private readonly batchSeconds = histogram({ name: 'chat_store_batch_seconds', help: 'One store transaction, in seconds', buckets: LATENCY_BUCKETS });
  private readonly sockets = gauge({ name: 'chat_connected_sockets', help: 'Sockets connected to this node' });

  received(): void {
    this.receivedTotal.inc();
  }

  rejected(code: string): void {
    this.rejectedTotal.inc({ code });
  }

  acked(seconds: number): void {
    this.ackSeconds.observe(seconds);
  }

  batchStored(size: number, newMessages: number, seconds: number): void {
    this.batchSize.observe(size);
    this.batchSeconds.observe(seconds);
    this.storedTotal.inc(newMessages);
  }

  delivered(secondsSinceSend: readonly number[]): void {
    this.deliveredTotal.inc(secondsSinceSend.length);
    for (const seconds of secondsSinceSend) this.deliverySeconds.observe(Math.max(0, seconds));
  }

  socketConnected(): void {
    this.sockets.inc();
  }

  socketDisconnected(): void {
    this.sockets.dec();
  }
}
