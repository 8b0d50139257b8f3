import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { ContactModule } from '@webchat/contact';
import { AppConfig, Clock, IdGenerator, provideUseCase } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { CachedChatMembership } from './adapters/out/channel/cached-chat-membership.adapter';
import { memoryMessagePipeline } from './adapters/in/memory/memory-message-pipeline';
import type { MessagePipeline } from './adapters/in/message-pipeline';
import { PrometheusChatMetrics } from './adapters/out/metrics/prometheus-chat-metrics.adapter';
import { TokenBucketSendRateLimit } from './adapters/out/memory/token-bucket-send-rate-limit.adapter';
import { ChatGateway } from './adapters/in/socket/chat.gateway';
import { DeliverMessages } from './application/pipeline/deliver-messages.use-case';
import { PendingAcks } from './application/pipeline/pending-acks';
import { PersistMessages } from './application/pipeline/persist-messages.use-case';
import { SendMessage } from './application/pipeline/send-message.use-case';
import { ChannelMembers } from './application/ports/channel-members.port';
import { ChatMembership } from './application/ports/chat-membership.port';
import { ChatMetrics } from './application/ports/chat-metrics.port';
import { MessageBus } from './application/ports/message-bus.port';
import { MessageDelivery } from './application/ports/message-delivery.port';
import { MessageStore } from './application/ports/message-store.port';
import { SendRateLimit } from './application/ports/send-rate-limit.port';

/** The in-process pipeline, or Kafka's: kafkajs and the microservice transport are loaded only then. */
async function messagePipeline(config: AppConfig): Promise<MessagePipeline> {
  if (config.bus !== 'kafka') return memoryMessagePipeline(config);
  const { kafkaMessagePipeline } = await import('./adapters/in/kafka/kafka-message-pipeline');
  return kafkaMessagePipeline(config);
}

/**
 * Real-time chat: the socket.io gateway and the send pipeline (DESIGN §4) on the configured
 * bus (in-process, or Kafka with BUS=kafka: the app's bootstrap then connects the KafkaBatchTransport
 * this module provides). The MessageStore comes from the global MessageStoreModule.
 */
@Module({})
export class ChatRealtimeModule {
  static async forRoot(config: AppConfig): Promise<DynamicModule> {
    const pipeline = await messagePipeline(config);
    return {
      module: ChatRealtimeModule,
      imports: [UserModule, ChannelModule, ContactModule],
      controllers: pipeline.controllers,
      providers: [
        ...pipeline.providers,
        { provide: PendingAcks, useValue: new PendingAcks(config.messageAckTimeoutMs) },
        { provide: ChatMembership, useClass: CachedChatMembership },
        {
          provide: SendRateLimit,
          useFactory: (clock: Clock) => new TokenBucketSendRateLimit(config.messageSendRate.perSecond, config.messageSendRate.burst, clock),
          inject: [Clock],
        },
        { provide: ChatMetrics, useClass: PrometheusChatMetrics },
        ChatGateway,
        { provide: MessageDelivery, useExisting: ChatGateway },
        provideUseCase(SendMessage, [ChatMembership, SendRateLimit, MessageBus, PendingAcks, IdGenerator, Clock]),
        provideUseCase(PersistMessages, [MessageStore, MessageBus, ChannelMembers, ChatMetrics]),
        provideUseCase(DeliverMessages, [PendingAcks, MessageDelivery, ChatMetrics, Clock]),
      ],
    };
  }
}
