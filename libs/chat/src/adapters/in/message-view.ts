import { Message, MessageType } from '../../domain/message';
import { ReplyQuote, WithReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';

/** SYSTEM messages show this sender name (DESIGN §5). */
export const SYSTEM_SENDER_NAME = 'system';

/** What a reply shows of the message it answers (DESIGN §5 `replyTo`). */
export interface ReplyToView {
  readonly id: string;
  /** A JSON integer. */
  readonly seq: number;
  readonly senderName: string | null;
  /** The start of the quoted text (at most 100 code points). */
  readonly snippet: string | null;
}

/** A message as clients see it, over HTTP and socket.io alike (DESIGN §5 `message`). */
export interface MessageView {
  readonly id: string;
  readonly channelId: string;
  /** A JSON integer. */
  readonly seq: number;
  readonly type: MessageType;
  readonly senderId: string | null;
  /** The sender's name when it was sent; "system" for SYSTEM messages ("deleted user" is set by MessageViews). */
  readonly senderName: string | null;
  readonly text: string;
  readonly clientMsgId: string | null;
  /** The message this one answers, null when it answers none. */
  readonly replyTo: ReplyToView | null;
  /** ISO-8601 UTC with milliseconds of the last edit; null when never edited. */
  readonly editedAt: string | null;
  /** ISO-8601 UTC with milliseconds of the delete (the text is then ""); null while not deleted. */
  readonly deletedAt: string | null;
  /** ISO-8601 UTC with milliseconds. */
  readonly createdAt: string;
}

/** A message of history, search, an ack or `message:new`: with how many other members have not read it. */
export interface CountedMessageView extends MessageView {
  readonly unreadCount: number;
}

export function toMessageView(message: WithReplyTo<Message>): MessageView {
  return {
    id: message.id,
    channelId: message.channelId,
    seq: message.seq,
    type: message.type,
    senderId: message.senderId,
    senderName: message.type === 'SYSTEM' ? SYSTEM_SENDER_NAME : message.senderName,
    text: message.text,
    clientMsgId: message.clientMsgId,
    replyTo: message.replyTo && toReplyToView(message.replyTo),
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toCountedMessageView(message: WithReplyTo<CountedMessage>): CountedMessageView {
  return { ...toMessageView(message), unreadCount: message.unreadCount };
}

function toReplyToView(quote: ReplyQuote): ReplyToView {
  return { id: quote.id, seq: quote.seq, senderName: quote.senderName, snippet: quote.snippet };
}
