import { AppConfig, provideUseCase } from '@webchat/platform';
import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { memoryMessagePipeline } from './adapters/in/memory/memory-message-pipeline';
import type { MessagePipeline } from './adapters/in/message-pipeline';
import { ChannelWriteGate } from './application/pipeline/channel-write-gate';
import { DeleteMessage } from './application/pipeline/delete-message.use-case';
import { DeliverMessages } from './application/pipeline/deliver-messages.use-case';
import { EditMessage } from './application/pipeline/edit-message.use-case';
import { PendingAcks } from './application/pipeline/pending-acks';
import { PersistMessages } from './application/pipeline/persist-messages.use-case';
import { SendMessage } from './application/pipeline/send-message.use-case';
import { StoredMessageWatchers } from './application/pipeline/stored-message-watchers';
import { StoredUnreadCounts } from './application/pipeline/stored-unread-counts';
import { ChannelMembers } from './application/ports/channel-members.port';
import { ChannelOwnership } from './application/ports/channel-ownership.port';
import { ChatMembership } from './application/ports/chat-membership.port';
import { ChatMetrics } from './application/ports/chat-metrics.port';
import { MessageBus } from './application/ports/message-bus.port';
import { MessageDelivery } from './application/ports/message-delivery.port';
import { MessageStore } from './application/ports/message-store.port';
import { ReplyQuotes } from './application/ports/reply-quotes.port';
import { SendRateLimit } from './application/ports/send-rate-limit.port';

/**
 * The send pipeline of DESIGN §4 on the configured bus (kafkajs and the microservice transport are
 * loaded only on BUS=kafka): the bus and its consumers, the acks waiting for the store, and the
 * stages (send, edit and delete on one log; persist; deliver). What surrounds it comes from the
 * module that uses it: MessageStore, ReplyQuotes, ChannelMembers, ChannelOwnership, ChatMembership,
 * SendRateLimit, MessageDelivery, ChatMetrics, IdGenerator and Clock.
 * ChatRealtimeModule and the pipeline's contract suite wire it alike.
 */
export async function chatPipeline(config: AppConfig): Promise<MessagePipeline> {
  const bus = await busPipeline(config);
  return {
    controllers: bus.controllers,
    providers: [
      ...bus.providers,
      { provide: PendingAcks, useValue: new PendingAcks(config.messageAckTimeoutMs) },
      provideUseCase(ChannelWriteGate, [ChatMembership, ChannelMembers, SendRateLimit]),
      provideUseCase(SendMessage, [ChannelWriteGate, MessageBus, PendingAcks, IdGenerator, Clock, MessageStore]),
      provideUseCase(EditMessage, [ChannelWriteGate, MessageBus, PendingAcks, IdGenerator, Clock]),
      provideUseCase(DeleteMessage, [ChannelWriteGate, ChannelOwnership, MessageBus, PendingAcks, IdGenerator, Clock]),
      { provide: StoredMessageWatchers, useValue: new StoredMessageWatchers() },
      provideUseCase(PersistMessages, [MessageStore, MessageBus, ChannelMembers, ChatMetrics, StoredMessageWatchers]),
      provideUseCase(StoredUnreadCounts, [ChatMembership, ChannelMembers]),
      provideUseCase(DeliverMessages, [PendingAcks, MessageDelivery, ChatMetrics, Clock, StoredUnreadCounts, ReplyQuotes]),
    ],
  };
}

async function busPipeline(config: AppConfig): Promise<MessagePipeline> {
  if (config.bus !== 'kafka') return memoryMessagePipeline(config);
  const { kafkaMessagePipeline } = await import('./adapters/in/kafka/kafka-message-pipeline');
  return kafkaMessagePipeline(config);
}
