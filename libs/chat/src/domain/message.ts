export type MessageType = 'TEXT' | 'SYSTEM';

interface MessageFields {
  /** A canonical lower-case UUID, made by the sender's side before the message is stored. */
  readonly id: string;
  readonly channelId: string;
  /** The sender's name when it was sent; null for SYSTEM messages. */
  readonly senderName: string | null;
  readonly text: string;
  readonly createdAt: Date;
}

/** A member's message; (channelId, senderId, clientMsgId) identifies a retry of it. */
export interface TextMessageDraft extends MessageFields {
  readonly type: 'TEXT';
  readonly senderId: string;
  readonly clientMsgId: string;
  /** The message of the same channel this one answers, null when it answers none. */
  readonly replyToId: string | null;
}

/** A notice written by the server (join, leave, invite): no sender, no client id, never unread. */
export interface SystemMessageDraft extends MessageFields {
  readonly type: 'SYSTEM';
  readonly senderId: null;
  readonly clientMsgId: null;
  readonly replyToId: null;
}

/** A message before the store has given it its place in the channel. */
export type MessageDraft = TextMessageDraft | SystemMessageDraft;

/**
 * A stored message: `seq` is its place in the channel, 1, 2, 3, … with no gaps. `editedAt` is set by
 * an edit; `deletedAt` by a delete, which also empties `text` for good (the seq stays: a tombstone).
 */
export type Message = MessageDraft & { readonly seq: number; readonly editedAt: Date | null; readonly deletedAt: Date | null };
