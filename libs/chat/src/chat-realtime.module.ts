import { DynamicModule, Module } from '@nestjs/common';
import { ChannelModule, MembershipNotices } from '@webchat/channel';
import { ContactModule } from '@webchat/contact';
import { AppConfig, Clock } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { CachedChatMembership } from './adapters/out/channel/cached-chat-membership.adapter';
import { ChannelLibraryOwnership } from './adapters/out/channel/channel-library-ownership.adapter';
import { PrometheusChatMetrics } from './adapters/out/metrics/prometheus-chat-metrics.adapter';
import { TokenBucketRateLimit } from './adapters/out/memory/token-bucket-rate-limit.adapter';
import { ChatGateway } from './adapters/in/socket/chat.gateway';
import { MessageMembershipNotices } from './adapters/in/channel/message-membership-notices.adapter';
import { MessageChangesGateway } from './adapters/in/socket/message-changes.gateway';
import { ChannelOwnership } from './application/ports/channel-ownership.port';
import { ChatMembership } from './application/ports/chat-membership.port';
import { ChatMetrics } from './application/ports/chat-metrics.port';
import { MessageDelivery } from './application/ports/message-delivery.port';
import { SendRateLimit } from './application/ports/send-rate-limit.port';
import { StoredMessageWatchers } from './application/pipeline/stored-message-watchers';
import { SocketEventRateLimit } from './application/ports/socket-event-rate-limit.port';
import { chatPipeline } from './chat-pipeline';

/**
 * Real-time chat: the socket.io gateway and the send pipeline (DESIGN §4) on the configured
 * bus (in-process, or Kafka with BUS=kafka: the app's bootstrap then connects the KafkaBatchTransport
 * this module provides). The MessageStore comes from the global MessageStoreModule. Global, so
 * that other libraries use what it provides without building the pipeline a second time: the
 * channel library its MembershipNotices (the SYSTEM notices of joins, leaves and invites), push
 * the StoredMessageWatchers (newly stored messages) and the in-memory ChatMembership.
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
        { provide: ChannelOwnership, useClass: ChannelLibraryOwnership },
        {
          provide: SendRateLimit,
          useFactory: (clock: Clock) => new TokenBucketRateLimit(config.messageSendRate.perSecond, config.messageSendRate.burst, clock, 'messages'),
          inject: [Clock],
        },
        {
          provide: SocketEventRateLimit,
          useFactory: (clock: Clock) => new TokenBucketRateLimit(config.socketEventRate.perSecond, config.socketEventRate.burst, clock, 'events'),
          inject: [Clock],
        },
        { provide: ChatMetrics, useClass: PrometheusChatMetrics },
        ChatGateway,
        MessageChangesGateway,
        { provide: MessageDelivery, useExisting: ChatGateway },
        { provide: MembershipNotices, useClass: MessageMembershipNotices },
      ],
      exports: [MembershipNotices, StoredMessageWatchers, ChatMembership],
    };
  }
}
