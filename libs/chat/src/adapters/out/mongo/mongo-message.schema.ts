import { Schema } from 'mongoose';
import { MessageType } from '../../../domain/message';

/** One message in the `messages` collection; `_id` is the message's own id. */
export interface MongoMessageDocument {
  _id: string;
  channelId: string;
  seq: number;
  type: MessageType;
  senderId: string | null;
  senderName: string | null;
  text: string;
  clientMsgId: string | null;
  createdAt: Date;
  /** The quoted message of the same channel; absent on documents stored before replies existed. */
  replyToId?: string | null;
  /** Null (or absent, on documents stored before edits existed) until it happens. */
  editedAt?: Date | null;
  /** Set by a delete, which also overwrites `text` with ''. */
  deletedAt?: Date | null;
  /** TEXT only (absent on SYSTEM): the retry identity (channel, sender, clientMsgId) as one string. */
  retryKey?: string;
}

export const MONGO_MESSAGE_MODEL = 'Message';

export const mongoMessageSchema = new Schema<MongoMessageDocument>(
  {
    _id: { type: String, required: true },
    channelId: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, enum: ['TEXT', 'SYSTEM'], required: true },
    senderId: { type: String, default: null },
    senderName: { type: String, default: null },
    text: { type: String },
    clientMsgId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    replyToId: { type: String, default: null },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    retryKey: { type: String },
  },
  // Indexes are built by MongoMessageStore.ensureIndexes at start-up, where a failure stops it.
  { collection: 'messages', versionKey: false, id: false, autoIndex: false, strict: 'throw' },
);

// Chosen for 1,000,000 messages and more (a B-tree seek each, never a collection scan):
// - _id (MongoDB's own): the message id; the batch checks new ids against it.
// - (channelId, seq) unique: the arbiter of gap-free numbering (two writers can never store one
//   seq twice) and the path of every read: history pages are range scans on it in either
//   direction, search walks one channel newest first and stops at `limit`, unread counts scan
//   only the seqs after a read mark. An index on text would not help: a substring is not a prefix.
// - retryKey unique and sparse: a retry stores nothing new. Sparse, not partial: SYSTEM messages
//   leave the field out, so they are not in the index (FerretDB lacks partialFilterExpression;
//   MongoDB treats both the same here). One string, not three fields: a sparse compound index
//   would still hold SYSTEM messages (channelId is always present) and make them collide.
mongoMessageSchema.index({ channelId: 1, seq: 1 }, { unique: true, name: 'channel_seq' });
mongoMessageSchema.index({ retryKey: 1 }, { unique: true, sparse: true, name: 'retry_key' });
