import { INestApplicationContext } from '@nestjs/common';
import { AppConfig, createLogger } from '@webchat/platform';
import { KafkaBatchTransport } from '@webchat/platform/kafka';
import { PendingAcks } from '../../../application/pipeline/pending-acks';
import { PersistMessages } from '../../../application/pipeline/persist-messages.use-case';
import { MessageBus } from '../../../application/ports/message-bus.port';
import { KafkaMessageBus } from '../../out/kafka/kafka-message-bus.adapter';
import type { MessagePipeline } from '../message-pipeline';
import { chatBatchSubscriptions } from './chat-batch-subscriptions';
import { DeliverMessagesConsumer } from './deliver-messages.consumer';
import { KafkaPipelineLifecycle } from './kafka-pipeline.lifecycle';
import { PersistMessagesConsumer } from './persist-messages.consumer';

/**
 * BUS=kafka: the KafkaMessageBus publishes; the KafkaBatchTransport (a Nest microservice strategy,
 * connected by the app's bootstrap) consumes and hands batches to the two `@EventPattern` consumers.
 * Loaded only in this mode, so the embedded mode never loads kafkajs or @nestjs/microservices' transports.
 */
export function kafkaMessagePipeline(config: AppConfig): MessagePipeline {
  const logger = createLogger(config);
  const brokers = config.kafkaBrokers ?? [];
  const bus = new KafkaMessageBus({ brokers, nodeId: config.nodeId, prefix: config.kafkaChatPrefix, partitions: config.kafkaChatPartitions, logger });
  const transport = new KafkaBatchTransport({
    brokers,
    clientId: `webchat-chat-consumer-${config.nodeId}`,
    subscriptions: chatBatchSubscriptions({ prefix: config.kafkaChatPrefix, nodeId: config.nodeId, maxBatch: config.messageBatchMax }),
    logger,
  });
  return {
    controllers: [PersistMessagesConsumer, DeliverMessagesConsumer],
    providers: [
      { provide: MessageBus, useValue: bus },
      { provide: KafkaBatchTransport, useValue: transport },
      {
        provide: KafkaPipelineLifecycle,
        useFactory: (pending: PendingAcks, persist: PersistMessages) => new KafkaPipelineLifecycle(pending, bus, transport, persist),
        inject: [PendingAcks, PersistMessages],
      },
    ],
  };
}

/** The transport that kafkaMessagePipeline's providers hold, for the app's bootstrap to connect. */
export function kafkaPipelineTransport(app: INestApplicationContext): KafkaBatchTransport {
  return app.get(KafkaBatchTransport);
}
