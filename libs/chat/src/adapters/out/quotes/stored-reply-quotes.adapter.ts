import { Injectable } from '@nestjs/common';
import { FindUsers } from '@webchat/user';
import { MessageStore } from '../../../application/ports/message-store.port';
import { ReplyQuotes } from '../../../application/ports/reply-quotes.port';
import { Message } from '../../../domain/message';
import { quoteSnippet, ReplyQuote } from '../../../domain/reply-quote';
import { shownSenderNames } from '../../shown-sender-names';

/**
 * Quotes from the message store: one read of the quoted messages by id and one of their senders'
 * accounts, for a whole page or batch (never one per reply). Nothing is read when no message replies.
 */
@Injectable()
export class StoredReplyQuotes extends ReplyQuotes {
  constructor(
    private readonly store: MessageStore,
    private readonly users: FindUsers,
  ) {
    super();
  }

  async of(messages: readonly Message[]): Promise<ReadonlyMap<string, ReplyQuote>> {
    const quotedIds = [...new Set(messages.flatMap((message) => (message.replyToId === null ? [] : [message.replyToId])))];
    if (quotedIds.length === 0) return new Map();
    const quoted = await this.store.findByIds(quotedIds);
    const nameOf = await shownSenderNames(this.users, quoted.map((message) => message.senderId));
    return new Map(quoted.map((message) => [message.id, { id: message.id, seq: message.seq, senderName: nameOf(message.senderId, message.senderName), snippet: quoteSnippet(message) }]));
  }
}
