import { Clock } from '@webchat/platform/kernel';
import { ChangeOutcome } from '../../domain/message-change';
import { MessageChangeForbiddenError, MessageNotFoundError } from '../../domain/message.errors';
import { withReplyTo } from '../../domain/reply-quote';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { isChangeOutcome, StoredEntry } from '../ports/message-bus.port';
import { Delivery, MessageDelivery } from '../ports/message-delivery.port';
import { AppendOutcome } from '../ports/message-store.port';
import { ReplyQuotes } from '../ports/reply-quotes.port';
import { PendingAcks } from './pending-acks';
import { StoredUnreadCounts } from './stored-unread-counts';

/**
 * This node's fan-out of a stored batch, in log order: acks the requests waiting here (a send's
 * retry gets the first message; a refused edit or delete its refusal) and shows members what is
 * news only (new messages, edits, deletes), so nobody sees one twice. Unread counts and the quotes
 * of replies are worked out once per batch, for the acks and every recipient alike (no read at all
 * for quotes when the batch holds no reply).
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

  async execute(entries: readonly StoredEntry[]): Promise<void> {
    const shown = entries.flatMap(countedPart);
    const [counts, quotes] = await Promise.all([this.unread.of(shown), this.quotes.of(shown.map((outcome) => outcome.message))]);
    const counted = withReplyTo(counts, quotes);
    const deliveries: Delivery[] = [];
    const acks: (() => void)[] = [];
    let next = 0;
    for (const entry of entries) {
      if (!isChangeOutcome(entry)) {
        const message = counted[next++];
        if (entry.isNew) deliveries.push({ event: 'message:new', message });
        acks.push(() => this.pending.settle(message));
      } else if (!entry.applied) {
        acks.push(() => this.pending.settleChange(entry.changeId, refusal(entry)));
      } else {
        const message = entry.change === 'edit' ? counted[next++] : { ...entry.message, unreadCount: 0, replyTo: null };
        if (entry.isNew) deliveries.push(entry.change === 'edit' ? { event: 'message:updated', message } : { event: 'message:deleted', message: entry.message });
        acks.push(() => this.pending.settleChange(entry.changeId, message));
      }
    }
    this.delivery.deliver(deliveries);
    const now = this.clock.now().getTime();
    this.metrics.delivered(deliveries.flatMap((delivery) => (delivery.event === 'message:new' ? [(now - delivery.message.createdAt.getTime()) / 1000] : [])));
    for (const ack of acks) ack();
  }
}

/**
 * The entries whose message is shown with an unread count: every send's, and an edit's, counted
 * from the read marks (members may have read it since it was sent).
 */
function countedPart(entry: StoredEntry): AppendOutcome[] {
  if (!isChangeOutcome(entry)) return [entry];
  return entry.applied && entry.change === 'edit' ? [{ message: entry.message, isNew: false }] : [];
}

function refusal(outcome: ChangeOutcome & { applied: false }): Error {
  if (outcome.refusal === 'NOT_FOUND') return new MessageNotFoundError();
  return new MessageChangeForbiddenError(outcome.change === 'edit' ? 'Only your own text messages can be edited' : 'Only your own messages, or any text message of a channel you own, can be deleted');
}
