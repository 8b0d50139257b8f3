import { Message, MessageType } from '../../domain/message';
import { CountedMessage } from '../../domain/unread-count';

/** SYSTEM messages show this sender name (DESIGN §5). */
export const SYSTEM_SENDER_NAME = 'system';

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

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    channelId: message.channelId,
    seq: message.seq,
    type: message.type,
    senderId: message.senderId,
    senderName: message.type === 'SYSTEM' ? SYSTEM_SENDER_NAME : message.senderName,
    text: message.text,
    clientMsgId: message.clientMsgId,
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    createdAt: message.createdAt.toISOString(),
  };
}

export function toCountedMessageView(message: CountedMessage): CountedMessageView {
  return { ...toMessageView(message), unreadCount: message.unreadCount };
}
