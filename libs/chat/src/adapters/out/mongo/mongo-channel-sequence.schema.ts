import { Schema } from 'mongoose';

/**
 * One channel's numbering in `message_sequences`: the last seq handed out, and the write lock
 * that makes one appendBatch at a time the channel's writer (MongoDB transactions need a replica
 * set, and FerretDB has none, so the lock is a single-document compare-and-set instead).
 */
export interface MongoChannelSequenceDocument {
  /** The channel id. */
  _id: string;
  lastSeq: number;
  /** The lease token of the batch that holds the lock; null when free. */
  lockedBy: string | null;
  /** When the lease lapses (by the writer's clock), so a writer that died frees its channels. */
  lockedUntil: Date | null;
}

export const MONGO_CHANNEL_SEQUENCE_MODEL = 'ChannelSequence';

export const mongoChannelSequenceSchema = new Schema<MongoChannelSequenceDocument>(
  {
    _id: { type: String, required: true },
    lastSeq: { type: Number, required: true, default: 0 },
    lockedBy: { type: String, default: null },
    lockedUntil: { type: Date, default: null },
  },
  // Only _id is looked up: MongoDB's own index serves it.
  { collection: 'message_sequences', versionKey: false, id: false, autoIndex: false, strict: 'throw' },
);
