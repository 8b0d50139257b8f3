import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DeliverMessages } from '../../../application/pipeline/deliver-messages.use-case';
import { PendingAcks } from '../../../application/pipeline/pending-acks';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { MemoryMessageBus } from '../../out/memory/memory-message-bus.adapter';
import { SHUTDOWN_DRAIN_MS } from '../shutdown-drain';

/**
 * The embedded mode's consumers: the in-process queue feeds PersistMessages and DeliverMessages.
 * Stop, before the sockets close and the store shuts: no new sends, those in flight stored and
 * acked (8 s at most), then the queue stops and the senders' read marks still queued are moved.
 */
export class MemoryPipelineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly pending: PendingAcks,
    private readonly bus: MemoryMessageBus,
    private readonly persist: PersistMessages,
    private readonly deliver: DeliverMessages,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bus.consumeDrafts((drafts) => this.persist.execute(drafts));
    this.bus.consumeStored((outcomes) => this.deliver.execute(outcomes));
    await this.bus.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pending.drain(SHUTDOWN_DRAIN_MS);
    await this.bus.stop();
    await this.persist.flushReadMarks();
  }
}
