import type { Channel, Message } from '../api/types';

/** The socket.io events of the contract (DESIGN §5) that the client sends and hears. */
export interface ServerEvents {
  'message:new': (message: Message) => void;
  /** An edit: the whole message, `editedAt` set. */
  'message:updated': (message: Message) => void;
  /** A delete: the message became a tombstone. */
  'message:deleted': (event: MessageDeleted) => void;
  receipt: (receipt: Receipt) => void;
  typing: (event: { channelId: string; userId: string }) => void;
  presence: (event: { userId: string; status: 'online' | 'offline' }) => void;
  'channel:added': (event: { channel: Channel }) => void;
}

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

export interface ClientEvents {
  'message:send': (payload: { channelId: string; clientMsgId: string; text: string; replyToId?: string }, ack: (answer: Ack<{ message: Message }>) => void) => void;
  'message:edit': (payload: { channelId: string; messageId: string; text: string }, ack: (answer: Ack<{ message: Message }>) => void) => void;
  'message:delete': (payload: { channelId: string; messageId: string }, ack: (answer: Ack) => void) => void;
  'message:read': (payload: { channelId: string; seq: number }, ack: (answer: Ack) => void) => void;
  typing: (payload: { channelId: string }) => void;
}

export interface Receipt {
  channelId: string;
  userId: string;
  seq: number;
}

export interface MessageDeleted {
  channelId: string;
  id: string;
  seq: number;
}
