import { Message } from '../../../domain/message';
import { retryKeyOf } from '../append-plan';
import { MongoMessageDocument } from './mongo-message.schema';

/** The fields a read returns (retryKey only serves the unique index). */
export const MESSAGE_PROJECTION = { retryKey: 0 } as const;

export function toMongoDocument(message: Message): MongoMessageDocument {
  const document: MongoMessageDocument = {
    _id: message.id,
    channelId: message.channelId,
    seq: message.seq,
    type: message.type,
    senderId: message.senderId,
    senderName: message.senderName,
    text: message.text,
    clientMsgId: message.clientMsgId,
    createdAt: message.createdAt,
    replyToId: message.replyToId,
    editedAt: message.editedAt,
    deletedAt: message.deletedAt,
  };
  const retryKey = retryKeyOf(message);
  // Left out, not null, on SYSTEM messages: the sparse unique index skips only missing fields.
  if (retryKey !== undefined) document.retryKey = retryKey;
  return document;
}

export function fromMongoDocument(document: MongoMessageDocument): Message {
  const common = {
    id: document._id,
    channelId: document.channelId,
    seq: document.seq,
    senderName: document.senderName ?? null,
    text: document.text,
    createdAt: document.createdAt,
    editedAt: document.editedAt ?? null,
    deletedAt: document.deletedAt ?? null,
  };
  if (document.type === 'SYSTEM') return { ...common, type: 'SYSTEM', senderId: null, clientMsgId: null, replyToId: null };
  // toMongoDocument gives every TEXT message a sender and a client id.
  if (document.senderId == null || document.clientMsgId == null) throw new Error(`TEXT message ${document._id} without sender or client id`);
  // Documents stored before replies existed have no replyToId.
  return { ...common, type: 'TEXT', senderId: document.senderId, clientMsgId: document.clientMsgId, replyToId: document.replyToId ?? null };
}
