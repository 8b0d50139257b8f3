import { Injectable } from '@nestjs/common';
import { FindUsers } from '@webchat/user';
import { ReplyQuotes } from '../../application/ports/reply-quotes.port';
import { Message } from '../../domain/message';
import { WithReplyTo, withReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';
import { shownSenderNames } from '../shown-sender-names';
import { CountedMessageView, MessageView, toCountedMessageView, toMessageView } from './message-view';

export { DELETED_SENDER_NAME } from '../shown-sender-names';

/**
 * Messages as stored pages are shown (history, search, channels' last messages): a sender whose
 * account is gone shows "deleted user" (see shownSenderNames), and a reply shows what it quotes.
 * A page costs one read of its senders' accounts and, when it holds replies, the quotes' reads.
 */
@Injectable()
export class MessageViews {
  constructor(
    private readonly users: FindUsers,
    private readonly quotes: ReplyQuotes,
  ) {}

  of(messages: readonly Message[]): Promise<MessageView[]> {
    return this.shown(messages, toMessageView);
  }

  /** The same, with each message's unread count (history and search). */
  counted(messages: readonly CountedMessage[]): Promise<CountedMessageView[]> {
    return this.shown(messages, toCountedMessageView);
  }

  private async shown<M extends Message, V extends MessageView>(messages: readonly M[], toView: (message: WithReplyTo<M>) => V): Promise<V[]> {
    const [quotes, nameOf] = await Promise.all([this.quotes.of(messages), shownSenderNames(this.users, messages.map((message) => message.senderId))]);
    return withReplyTo(messages, quotes).map((message) => {
      const view = toView(message);
      return message.senderId === null ? view : { ...view, senderName: nameOf(message.senderId, message.senderName) };
    });
  }
}
