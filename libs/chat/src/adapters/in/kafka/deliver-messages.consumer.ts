import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DeliverMessages } from '../../../application/pipeline/deliver-messages.use-case';
import { StoredEntry } from '../../../application/ports/message-bus.port';
import { STORED_PATTERN } from './chat-event-patterns';

/**
 * This node's fan-out on Kafka: every stored batch, from whichever node stored it, acks the
 * sends waiting here and reaches the sockets of this node. A failure is logged, not thrown:
 * offering the batch again would show its messages twice; a send left unacked times out
 * UNAVAILABLE and its retry finds the stored message.
 */
@Controller()
export class DeliverMessagesConsumer {
  private readonly logger = new Logger(DeliverMessagesConsumer.name);

  constructor(private readonly deliver: DeliverMessages) {}

  @EventPattern(STORED_PATTERN)
  async deliverBatch(@Payload() records: StoredEntry[][]): Promise<void> {
    await this.deliver.execute(records.flat()).catch((error: unknown) => this.logger.error(`message fan-out failed: ${(error as Error)?.stack ?? String(error)}`));
  }
}
