import { Clock } from '@webchat/platform/kernel';
import { withReplyTo } from '../../domain/reply-quote';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { ReplyQuotes } from '../ports/reply-quotes.port';
import { AppendOutcome } from '../ports/message-store.port';
import { MessageDelivery } from '../ports/message-delivery.port';
import { PendingAcks } from './pending-acks';
import { StoredUnreadCounts } from './stored-unread-counts';

/**
 * This node's fan-out of a stored batch: acks the sends waiting here (a retry gets the
 * first message) and shows members the new messages only, so nobody sees one twice. Unread
 * counts and the quotes of replies are worked out once per batch, for the acks and every recipient
 * alike (no read at all for quotes when the batch holds no reply).
 */
export class DeliverMessages {
  constructor(
    private readonly pending: PendingAcks,
    private readonly delivery: MessageDelivery,
    private readonly metrics: ChatMetrics,
    private readonly clock: Clock,
    private readonly unread: StoredUnreadCounts,
    private readonly quotes: ReplyQuotes,
  ) {}

  async execute(outcomes: readonly AppendOutcome[]): Promise<void> {
    const [counts, quotes] = await Promise.all([this.unread.of(outcomes), this.quotes.of(outcomes.map((outcome) => outcome.message))]);
    const counted = withReplyTo(counts, quotes);
    const fresh = counted.filter((_, index) => outcomes[index].isNew);
    this.delivery.deliver(fresh);
    const now = this.clock.now().getTime();
    this.metrics.delivered(fresh.map((message) => (now - message.createdAt.getTime()) / 1000));
    for (const message of counted) this.pending.settle(message);
  }
}
