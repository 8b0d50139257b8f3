import { Clock } from '@webchat/platform/kernel';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { AppendOutcome } from '../ports/message-store.port';
import { MessageDelivery } from '../ports/message-delivery.port';
import { PendingAcks } from './pending-acks';

/**
 * This node's fan-out of a stored batch: acks the sends waiting here (a retry gets the
 * first message) and shows members the new messages only, so nobody sees one twice.
 */
export class DeliverMessages {
  constructor(
    private readonly pending: PendingAcks,
    private readonly delivery: MessageDelivery,
    private readonly metrics: ChatMetrics,
    private readonly clock: Clock,
  ) {}

  async execute(outcomes: readonly AppendOutcome[]): Promise<void> {
    const fresh = outcomes.filter((outcome) => outcome.isNew).map((outcome) => outcome.message);
    this.delivery.deliver(fresh);
    const now = this.clock.now().getTime();
    this.metrics.delivered(fresh.map((message) => (now - message.createdAt.getTime()) / 1000));
    for (const outcome of outcomes) this.pending.settle(outcome.message);
  }
}
