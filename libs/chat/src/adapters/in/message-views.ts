import { Injectable } from '@nestjs/common';
import { FindUsers } from '@webchat/user';
import { Message } from '../../domain/message';
import { CountedMessage } from '../../domain/unread-count';
import { CountedMessageView, MessageView, toCountedMessageView, toMessageView } from './message-view';

/** What a message of a deleted account shows as its sender's name (DESIGN §5, DELETE /api/users/me). */
export const DELETED_SENDER_NAME = 'deleted user';

/**
 * Messages as stored pages are shown (history, search, channels' last messages): a sender whose
 * account is gone shows "deleted user". Decided at read time from the accounts table, in one read
 * per page, because the message store may be another database (a SQLite file of its own, MySQL or
 * MongoDB) that the account's deletion cannot change in its transaction; the stored name stays.
 */
@Injectable()
export class MessageViews {
  constructor(private readonly users: FindUsers) {}

  of(messages: readonly Message[]): Promise<MessageView[]> {
    return this.shown(messages, toMessageView);
  }

  /** The same, with each message's unread count (history and search). */
  counted(messages: readonly CountedMessage[]): Promise<CountedMessageView[]> {
    return this.shown(messages, toCountedMessageView);
  }

  private async shown<M extends Message, V extends MessageView>(messages: readonly M[], toView: (message: M) => V): Promise<V[]> {
    const senderIds = [...new Set(messages.flatMap((message) => (message.senderId === null ? [] : [message.senderId])))];
    if (senderIds.length === 0) return messages.map(toView);
    const present = new Set((await this.users.byIds(senderIds)).map((user) => user.id));
    return messages.map((message) => {
      const view = toView(message);
      return message.senderId === null || present.has(message.senderId) ? view : { ...view, senderName: DELETED_SENDER_NAME };
    });
  }
}
