import { AppConfig, createLogger } from '@webchat/platform';
import { DeliverMessages } from '../../../application/pipeline/deliver-messages.use-case';
import { PendingAcks } from '../../../application/pipeline/pending-acks';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { MessageBus } from '../../../application/ports/message-bus.port';
import { MemoryMessageBus } from '../../out/memory/memory-message-bus.adapter';
import type { MessagePipeline } from '../message-pipeline';
import { MemoryPipelineLifecycle } from './memory-pipeline.lifecycle';

/** BUS=memory: the in-process queue publishes and feeds the stages itself. */
export function memoryMessagePipeline(config: AppConfig): MessagePipeline {
  const bus = new MemoryMessageBus(config.messageBatchMax, createLogger(config));
  return {
    controllers: [],
    providers: [
      { provide: MessageBus, useValue: bus },
      {
        provide: MemoryPipelineLifecycle,
        useFactory: (pending: PendingAcks, persist: PersistMessages, deliver: DeliverMessages) => new MemoryPipelineLifecycle(pending, bus, persist, deliver),
        inject: [PendingAcks, PersistMessages, DeliverMessages],
      },
    ],
  };
}
