import { DynamicModule, Module } from '@nestjs/common';
import { ChannelActivity, ChannelModule } from '@webchat/channel';
import { provideUseCase } from '@webchat/platform';
import { MessageChannelActivity } from './adapters/in/channel/message-channel-activity.adapter';
import { MessagesController } from './adapters/in/http/messages.controller';
import { MessageViews } from './adapters/in/message-views';
import { ChannelLibraryMembers } from './adapters/out/channel/channel-library-members.adapter';
import { EventBusReadReceipts } from './adapters/out/events/event-bus-read-receipts.adapter';
import { MessageStoreConfig, MessageStoreModule } from './adapters/out/message-store.module';
import { MarkRead } from './application/mark-read.use-case';
import { ChannelMembers } from './application/ports/channel-members.port';
import { MessageStore } from './application/ports/message-store.port';
import { ReadReceipts } from './application/ports/read-receipts.port';
import { ReplyQuotes } from './application/ports/reply-quotes.port';
import { StoredReplyQuotes } from './adapters/out/quotes/stored-reply-quotes.adapter';
import { ReadHistory } from './application/read-history.use-case';
import { SearchMessages } from './application/search-messages.use-case';

/**
 * Messages: history, search and read marks over HTTP, on the message store chosen by
 * configuration. Global for one reason: it provides the channel library's ChannelActivity
 * port (unread counts, last messages, where a new member's read mark starts), which the
 * channel module looks up optionally; the channel library cannot import chat.
 */
@Module({})
export class ChatModule {
  static forRoot(config: MessageStoreConfig): DynamicModule {
    return {
      module: ChatModule,
      global: true,
      imports: [MessageStoreModule.forRoot(config), ChannelModule],
      controllers: [MessagesController],
      providers: [
        { provide: ChannelMembers, useClass: ChannelLibraryMembers },
        { provide: ReadReceipts, useClass: EventBusReadReceipts },
        { provide: ReplyQuotes, useClass: StoredReplyQuotes },
        MessageViews,
        { provide: ChannelActivity, useClass: MessageChannelActivity },
        provideUseCase(ReadHistory, [ChannelMembers, MessageStore]),
        provideUseCase(SearchMessages, [ChannelMembers, MessageStore]),
        provideUseCase(MarkRead, [ChannelMembers, MessageStore, ReadReceipts]),
      ],
      exports: [ChannelActivity, MarkRead, ChannelMembers, ReplyQuotes],
    };
  }
}
