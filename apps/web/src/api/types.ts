/** The shapes of the public contract (DESIGN §5) that the client reads. */
export interface User {
  id: string;
  email: string;
  username: string;
}

export interface LoginAnswer {
  accessToken: string;
  user: User;
}

export interface Contact extends User {
  online: boolean;
}

export type ChannelKind = 'GROUP' | 'DIRECT';

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string | null;
  description: string | null;
  isPrivate: boolean;
  ownerId: string | null;
  memberCount: number;
  createdAt: string;
}

export interface MyChannel extends Channel {
  unreadCount: number;
  lastMessage: Message | null;
}

export interface Member {
  id: string;
  username: string;
  online: boolean;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  type?: 'TEXT' | 'SYSTEM';
  senderId: string | null;
  senderName: string;
  text: string;
  clientMsgId: string | null;
  /** The quoted message; `snippet` is null once that message was deleted. */
  replyTo?: ReplyTo | null;
  editedAt?: string | null;
  /** Set on a tombstone: the text is gone (`""`), the place in the channel stays. */
  deletedAt?: string | null;
  unreadCount?: number;
  createdAt: string;
}

export interface ReplyTo {
  id: string;
  seq: number;
  senderName: string;
  snippet: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface UserSummary {
  id: string;
  username: string;
}
