import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { KafkaBatchTransport } from '@webchat/platform/kafka';
import { PendingAcks } from '../../../application/pipeline/pending-acks';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { MessageBus } from '../../../application/ports/message-bus.port';
import { SHUTDOWN_DRAIN_MS } from '../shutdown-drain';

/**
 * Start: the topics and the producer, before `startAllMicroservices()` starts the transport's
 * consumers. Stop, before the sockets close and the store shuts: no new sends, those in flight
 * stored and acked (the consumers still run), then the consumers commit and leave their groups,
 * the senders' read marks still queued are moved, then the producer closes; all within 10 s.
 */
export class KafkaPipelineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly pending: PendingAcks,
    private readonly bus: MessageBus,
    private readonly transport: KafkaBatchTransport,
    /** Whose queued read marks to move on shutdown (none: nothing queued here). */
    private readonly persist?: PersistMessages,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.bus.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pending.drain(SHUTDOWN_DRAIN_MS);
    await this.transport.close();
    await this.persist?.flushReadMarks();
    await this.bus.stop();
  }
}
