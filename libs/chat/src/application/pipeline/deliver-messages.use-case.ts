import { Clock } from '@webchat/platform/kernel';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { AppendOutcome } from '../ports/message-store.port';
import { MessageDelivery } from '../ports/message-delivery.port';
import { PendingAcks } from './pending-acks';
import { StoredUnreadCounts } from './stored-unread-counts';

/**
 * This node's fan-out of a stored batch: acks the sends waiting here (a retry gets the
 * first message) and shows members the new messages only, so nobody sees one twice. Unread
 * counts are worked out once per batch, for the acks and every recipient alike.
 */
export class DeliverMessages {
  constructor(
    private readonly pending: PendingAcks,
    private readonly delivery: MessageDelivery,
    private readonly metrics: ChatMetrics,
    private readonly clock: Clock,
    private readonly unread: StoredUnreadCounts,
  ) {}

  async execute(outcomes: readonly AppendOutcome[]): Promise<void> {
    const counted = await this.unread.of(outcomes);
    const fresh = counted.filter((_, index) => outcomes[index].isNew);
    this.delivery.deliver(fresh);
    const now = this.clock.now().getTime();
    this.metrics.delivered(fresh.map((message) => (now - message.createdAt.getTime()) / 1000));
    for (const message of counted) this.pending.settle(message);
  }
}
