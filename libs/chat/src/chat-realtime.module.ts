import { BeforeApplicationShutdown, DynamicModule, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { ContactModule } from '@webchat/contact';
import { AppConfig, Clock, createLogger, IdGenerator, provideUseCase } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { CachedChatMembership } from './adapters/out/channel/cached-chat-membership.adapter';
import { MemoryMessageBus } from './adapters/out/memory/memory-message-bus.adapter';
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

const SHUTDOWN_DRAIN_MS = 8_000;

/** The in-process bus, or Kafka's (kafkajs is loaded only then). */
function messageBus(config: AppConfig): Provider {
  if (config.bus !== 'kafka') return { provide: MessageBus, useValue: new MemoryMessageBus(config.messageBatchMax, createLogger(config)) };
  return {
    provide: MessageBus,
    useFactory: async () => {
      const { KafkaMessageBus } = await import('./adapters/out/kafka/kafka-message-bus.adapter');
      return new KafkaMessageBus({
        brokers: config.kafkaBrokers ?? [],
        nodeId: config.nodeId,
        prefix: config.kafkaChatPrefix,
        partitions: config.kafkaChatPartitions,
        maxBatch: config.messageBatchMax,
        logger: createLogger(config),
      });
    },
  };
}

/** Connects the pipeline's stages to the bus once every provider exists. */
class PipelineConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly pending: PendingAcks,
    private readonly bus: MessageBus,
    private readonly persist: PersistMessages,
    private readonly deliver: DeliverMessages,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.bus.consumeDrafts((drafts) => this.persist.execute(drafts));
    this.bus.consumeStored((outcomes) => this.deliver.execute(outcomes));
    await this.bus.start();
  }

  /**
   * Before the sockets close and the store shuts: no new sends, those in flight stored and acked
   * (8 s at most), then the bus commits its positions and leaves its groups, all within 10 s.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.pending.drain(SHUTDOWN_DRAIN_MS);
    await this.bus.stop();
  }
}

/**
 * Real-time chat: the socket.io gateway and the send pipeline (DESIGN §4) on the configured
 * bus (in-process, or Kafka with BUS=kafka). The MessageStore comes from the global MessageStoreModule.
 */
@Module({})
export class ChatRealtimeModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ChatRealtimeModule,
      imports: [UserModule, ChannelModule, ContactModule],
      providers: [
        messageBus(config),
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
        provideUseCase(PipelineConsumers, [PendingAcks, MessageBus, PersistMessages, DeliverMessages]),
      ],
    };
  }
}
