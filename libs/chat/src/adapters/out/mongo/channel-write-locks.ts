import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Model } from 'mongoose';
import { chunksOf } from '../append-plan';
import { isDuplicateKeyError } from './mongo-errors';
import { MongoChannelSequenceDocument } from './mongo-channel-sequence.schema';

/** The channels one batch holds, and their last seq as it found them. */
export interface ChannelLease {
  readonly token: string;
  readonly channelIds: readonly string[];
  readonly lastSeq: ReadonlyMap<string, number>;
}

export interface ChannelWriteLockTimes {
  /** How long a lock lasts unless released: a writer that died frees its channels after it. */
  readonly leaseMs: number;
  /** How long a batch waits for busy channels before it fails (and the pipeline offers it again). */
  readonly waitMs: number;
}

const DEFAULT_TIMES: ChannelWriteLockTimes = { leaseMs: 15_000, waitMs: 20_000 };
const CHUNK = 500;

/**
 * Per-channel write locks on the `message_sequences` documents, so that one appendBatch at a time
 * numbers a channel (MySQL's SELECT … FOR UPDATE, done with single-document atomic updates because
 * a MongoDB transaction needs a replica set). A batch takes all its channels or none, then backs
 * off and tries again, so batches that share channels in any order never deadlock. The chat
 * pipeline already has one writer per channel; the locks make a second one (a rebalance, a second
 * node writing directly) wait instead of racing.
 */
export class ChannelWriteLocks {
  constructor(
    private readonly sequences: Model<MongoChannelSequenceDocument>,
    private readonly times: ChannelWriteLockTimes = DEFAULT_TIMES,
  ) {}

  async acquire(channelIds: readonly string[]): Promise<ChannelLease> {
    const token = randomUUID();
    const deadline = Date.now() + this.times.waitMs;
    for (let attempt = 0; ; attempt += 1) {
      if (await this.tryTake(channelIds, token)) return { token, channelIds, lastSeq: await this.lastSeq(channelIds) };
      await this.release({ token, channelIds, lastSeq: new Map() }, new Map());
      if (Date.now() > deadline) throw new Error(`channels stayed locked by another writer for ${this.times.waitMs} ms`);
      // 2, 4, 8 … 64 ms with jitter, so two batches that keep meeting fall out of step.
      await sleep(Math.min(64, 2 ** (attempt + 1)) * (0.5 + Math.random()));
    }
  }

  /** Frees the lease's channels, first moving each channel's lastSeq up to what the batch stored. */
  async release(lease: ChannelLease, stored: ReadonlyMap<string, number>): Promise<void> {
    await this.sequences.bulkWrite(
      [
        // $max, and not only under the lease: a batch whose lease lapsed still stored its seqs.
        ...[...stored].map(([channelId, lastSeq]) => ({ updateOne: { filter: { _id: channelId }, update: { $max: { lastSeq } } } })),
        ...chunksOf(lease.channelIds, CHUNK).map((ids) => ({
          updateMany: { filter: { _id: { $in: ids }, lockedBy: lease.token }, update: { $set: { lockedBy: null, lockedUntil: null } } },
        })),
      ],
      { ordered: true },
    );
  }

  /** Each channel's lastSeq (0 for a channel that never had a message). */
  async lastSeq(channelIds: readonly string[]): Promise<Map<string, number>> {
    const seqs = new Map(channelIds.map((channelId) => [channelId, 0]));
    for (const ids of chunksOf(channelIds, CHUNK)) {
      const found = await this.sequences.find({ _id: { $in: ids } }, { lastSeq: 1 }).lean();
      for (const sequence of found) seqs.set(sequence._id, sequence.lastSeq);
    }
    return seqs;
  }

  /**
   * Takes every channel in one round trip: an upsert per channel that matches only a free (or
   * lapsed) lock. A held one makes its upsert insert a second document with the same _id, which
   * the _id index refuses: that duplicate key is the "busy" answer.
   */
  private async tryTake(channelIds: readonly string[], token: string): Promise<boolean> {
    const now = new Date();
    const until = new Date(now.getTime() + this.times.leaseMs);
    try {
      await this.sequences.bulkWrite(
        channelIds.map((channelId) => ({
          updateOne: {
            filter: { _id: channelId, $or: [{ lockedBy: null }, { lockedUntil: { $lt: now } }] },
            update: { $set: { lockedBy: token, lockedUntil: until }, $setOnInsert: { lastSeq: 0 } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
