import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule } from '@webchat/channel';
import { ContactModule } from '@webchat/contact';
import { AppConfig, Clock } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { CachedChatMembership } from './adapters/out/channel/cached-chat-membership.adapter';
import { PrometheusChatMetrics } from './adapters/out/metrics/prometheus-chat-metrics.adapter';
import { TokenBucketSendRateLimit } from './adapters/out/memory/token-bucket-send-rate-limit.adapter';
import { ChatGateway } from './adapters/in/socket/chat.gateway';
import { ChatMembership } from './application/ports/chat-membership.port';
import { ChatMetrics } from './application/ports/chat-metrics.port';
import { MessageDelivery } from './application/ports/message-delivery.port';
import { SendRateLimit } from './application/ports/send-rate-limit.port';
import { StoredMessageWatchers } from './application/pipeline/stored-message-watchers';
import { chatPipeline } from './chat-pipeline';

/**
 * Real-time chat: the socket.io gateway and the send pipeline (DESIGN §4) on the configured
 * bus (in-process, or Kafka with BUS=kafka: the app's bootstrap then connects the KafkaBatchTransport
 * this module provides). The MessageStore comes from the global MessageStoreModule.
 * Global for one reason: other libraries (push) watch the newly stored messages through the
 * StoredMessageWatchers it exports, and read channel members from its in-memory ChatMembership,
 * without building the pipeline a second time.
 */
@Module({})
export class ChatRealtimeModule {
  static async forRoot(config: AppConfig): Promise<DynamicModule> {
    const pipeline = await chatPipeline(config);
    return {
      module: ChatRealtimeModule,
      global: true,
      imports: [UserModule, ChannelModule, ContactModule],
      controllers: pipeline.controllers,
      providers: [
        ...pipeline.providers,
        { provide: ChatMembership, useClass: CachedChatMembership },
        {
          provide: SendRateLimit,
          useFactory: (clock: Clock) => new TokenBucketSendRateLimit(config.messageSendRate.perSecond, config.messageSendRate.burst, clock),
          inject: [Clock],
        },
        { provide: ChatMetrics, useClass: PrometheusChatMetrics },
        ChatGateway,
        { provide: MessageDelivery, useExisting: ChatGateway },
      ],
      exports: [StoredMessageWatchers, ChatMembership],
    };
  }
}
