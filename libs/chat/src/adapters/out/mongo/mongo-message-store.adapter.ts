import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { requirePageLimit, requireSeqCursor } from '../../../application/ports/message-store.arguments';
import { AppendOutcome, MessageStore, ReadMark } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { ChangeOutcome, MessageChange } from '../../../domain/message-change';
import { AppendPlan, chunksOf, distinct, planAppend, retryKeyOf } from '../append-plan';
import { planChanges, targetIds } from '../change-plan';
import { ChannelLease, ChannelWriteLocks } from './channel-write-locks';
import { literalPattern } from './literal-pattern';
import { MONGO_CHANNEL_SEQUENCE_MODEL, MongoChannelSequenceDocument } from './mongo-channel-sequence.schema';
import { insertedBeforeFailure, isDuplicateKeyError } from './mongo-errors';
import { fromMongoDocument, MESSAGE_PROJECTION, toMongoDocument } from './mongo-message-document';
import { MONGO_MESSAGE_MODEL, MongoMessageDocument } from './mongo-message.schema';

// Keeps each $in / $or list small.
const CHUNK = 200;
// A duplicate key under the lock means messages stored past lastSeq by a writer that died
// between its insert and its release: the next attempt continues after them.
const APPEND_ATTEMPTS = 3;

/**
 * MessageStore on MongoDB through mongoose. appendBatch holds a write lock on each channel of the
 * batch (ChannelWriteLocks), reads retries and lastSeq under it, inserts the new messages with one
 * ordered insertMany, and on release moves each channel's lastSeq forward. Without a transaction
 * a failed insert is undone by deleting the prefix it stored; the (channelId, seq) and retryKey
 * unique indexes refuse any write that would repeat a seq or a retry, whatever happens.
 */
@Injectable()
export class MongoMessageStore extends MessageStore implements OnModuleInit {
  private readonly locks: ChannelWriteLocks;

  constructor(
    @InjectModel(MONGO_MESSAGE_MODEL) private readonly messages: Model<MongoMessageDocument>,
    @InjectModel(MONGO_CHANNEL_SEQUENCE_MODEL) sequences: Model<MongoChannelSequenceDocument>,
  ) {
    super();
    this.locks = new ChannelWriteLocks(sequences);
  }

  /** At start-up: a store whose indexes cannot be built must not take messages. */
  async onModuleInit(): Promise<void> {
    await this.ensureIndexes();
  }

  async ensureIndexes(): Promise<void> {
    await this.messages.createIndexes();
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    if (drafts.length === 0) return [];
    const lease = await this.locks.acquire(distinct(drafts.map((draft) => draft.channelId)).sort());
    let stored: ReadonlyMap<string, number> = new Map();
    try {
      const plan = await this.appendUnderLease(drafts, lease);
      stored = plan.lastSeq;
      return plan.outcomes;
    } finally {
      await this.locks.release(lease, stored);
    }
  }

  /**
   * Under the write locks of the changes' channels (so no append or other change of them runs
   * meanwhile): reads the targets, decides in order, and sets each changed message's text and
   * times in place with one bulkWrite. Each update is atomic on its document.
   */
  async applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    if (changes.length === 0) return [];
    const lease = await this.locks.acquire(distinct(changes.map((change) => change.channelId)).sort());
    try {
      const stored = new Map<string, Message>();
      for (const ids of chunksOf(targetIds(changes), CHUNK)) {
        const found = await this.messages.find({ _id: { $in: ids } }, MESSAGE_PROJECTION).lean();
        for (const message of found.map(fromMongoDocument)) stored.set(message.id, message);
      }
      const plan = planChanges(changes, stored);
      if (plan.changed.length > 0) {
        await this.messages.bulkWrite(
          plan.changed.map((message) => ({
            updateOne: { filter: { _id: message.id }, update: { $set: { text: message.text, editedAt: message.editedAt, deletedAt: message.deletedAt } } },
          })),
          { ordered: true },
        );
      }
      return plan.outcomes;
    } finally {
      await this.locks.release(lease, new Map());
    }
  }

  async pageLatest(channelId: string, limit: number): Promise<Message[]> {
    return (await this.find({ channelId }, -1, requirePageLimit(limit))).reverse();
  }

  async pageAfter(channelId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.find({ channelId, seq: { $gt: requireSeqCursor(afterSeq) } }, 1, requirePageLimit(limit));
  }

  async pageBefore(channelId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    return (await this.find({ channelId, seq: { $lt: requireSeqCursor(beforeSeq) } }, -1, requirePageLimit(limit))).reverse();
  }

  async search(channelId: string, query: string, limit: number): Promise<Message[]> {
    requirePageLimit(limit);
    if (query === '') return [];
    // A literal, unanchored, case-insensitive regex: substrings anywhere, Korean included. $text
    // would not do: it matches whole words (stemmed), never "안녕" inside "안녕하세요".
    return this.find({ channelId, type: 'TEXT', deletedAt: null, text: { $regex: literalPattern(query), $options: 'i' } }, -1, limit);
  }

  async findByIds(ids: readonly string[]): Promise<Message[]> {
    const found: Message[] = [];
    for (const chunk of chunksOf(distinct(ids), CHUNK)) {
      const documents = await this.messages.find({ _id: { $in: chunk } }, MESSAGE_PROJECTION).lean();
      found.push(...documents.map(fromMongoDocument));
    }
    return found;
  }

  async lastMessages(channelIds: readonly string[]): Promise<ReadonlyMap<string, Message>> {
    const lastSeq = await this.locks.lastSeq(distinct(channelIds));
    const wanted = [...lastSeq].filter(([, seq]) => seq > 0).map(([channelId, seq]) => ({ channelId, seq }));
    const found = new Map<string, Message>();
    for (const chunk of chunksOf(wanted, CHUNK)) {
      for (const message of await this.find({ $or: chunk }, 1, chunk.length)) found.set(message.channelId, message);
    }
    return found;
  }

  async unreadCounts(marks: readonly ReadMark[]): Promise<ReadonlyMap<string, number>> {
    const counts = new Map(marks.map((mark) => [mark.channelId, 0]));
    for (const chunk of chunksOf(marks, CHUNK)) {
      const match = chunk.map((mark) => ({
        channelId: mark.channelId,
        seq: { $gt: requireSeqCursor(mark.lastReadSeq) },
        type: 'TEXT',
        senderId: { $ne: mark.userId },
      }));
      const rows = await this.messages.aggregate<{ _id: string; unread: number }>([
        { $match: { $or: match } },
        { $group: { _id: '$channelId', unread: { $sum: 1 } } },
      ]);
      for (const row of rows) counts.set(row._id, row.unread);
    }
    return counts;
  }

  async lastSeq(channelIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return this.locks.lastSeq(distinct(channelIds));
  }

  private async appendUnderLease(drafts: readonly MessageDraft[], lease: ChannelLease): Promise<AppendPlan> {
    let lastSeq = lease.lastSeq;
    for (let attempt = 1; ; attempt += 1) {
      const { retries, storedIds } = await this.storedForBatch(drafts);
      const plan = planAppend(drafts, retries, lastSeq);
      requireNewIds(plan.fresh, storedIds);
      try {
        if (plan.fresh.length > 0) await this.messages.insertMany(plan.fresh.map(toMongoDocument), { ordered: true, lean: true });
        return plan;
      } catch (error) {
        await this.undoInsert(plan.fresh, error);
        if (!isDuplicateKeyError(error) || attempt >= APPEND_ATTEMPTS) throw error;
        lastSeq = await this.storedLastSeq(lease.channelIds, lastSeq);
      }
    }
  }

  /** In one query: the stored messages of the batch's retry keys, and which of its ids are taken. */
  private async storedForBatch(drafts: readonly MessageDraft[]): Promise<{ retries: Map<string, Message>; storedIds: Set<string> }> {
    const retries = new Map<string, Message>();
    const storedIds = new Set<string>();
    for (const chunk of chunksOf(drafts, CHUNK)) {
      const retryKeys = chunk.flatMap((draft) => retryKeyOf(draft) ?? []);
      const found = await this.messages.find({ $or: [{ retryKey: { $in: retryKeys } }, { _id: { $in: chunk.map((draft) => draft.id) } }] }, MESSAGE_PROJECTION).lean();
      for (const message of found.map(fromMongoDocument)) {
        storedIds.add(message.id);
        const key = retryKeyOf(message);
        if (key !== undefined) retries.set(key, message);
      }
    }
    return { retries, storedIds };
  }

  /**
   * Deletes what a failed ordered insertMany stored: the documents before its first write error,
   * or, when the error does not say (a lost connection), each of ours by (_id, channelId, seq).
   * Best effort: if the server is gone this fails too, and the next batch continues after them.
   */
  private async undoInsert(fresh: readonly Message[], error: unknown): Promise<void> {
    const inserted = fresh.slice(0, insertedBeforeFailure(error) ?? fresh.length);
    for (const chunk of chunksOf(inserted, CHUNK)) {
      await this.messages
        .deleteMany({ $or: chunk.map((message) => ({ _id: message.id, channelId: message.channelId, seq: message.seq })) })
        .catch(() => undefined);
    }
  }

  /** The highest seq actually stored per channel, at least `known`: repairs a lastSeq left behind. */
  private async storedLastSeq(channelIds: readonly string[], known: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const highest = await Promise.all(
      channelIds.map(async (channelId) => {
        const [last] = await this.messages.find({ channelId }, { seq: 1 }).sort({ seq: -1 }).limit(1).lean();
        return [channelId, Math.max(known.get(channelId) ?? 0, last?.seq ?? 0)] as const;
      }),
    );
    return new Map(highest);
  }

  private async find(filter: object, direction: 1 | -1, limit: number): Promise<Message[]> {
    const documents = await this.messages.find(filter, MESSAGE_PROJECTION).sort({ channelId: direction, seq: direction }).limit(limit).lean();
    return documents.map(fromMongoDocument);
  }
}

/** A message id is stored once, ever: a new message whose id is taken (or repeated) fails the batch. */
function requireNewIds(fresh: readonly Message[], storedIds: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const message of fresh) {
    if (storedIds.has(message.id) || seen.has(message.id)) throw new Error(`message id ${message.id} is already stored`);
    seen.add(message.id);
  }
}
