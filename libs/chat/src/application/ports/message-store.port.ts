import { Message, MessageDraft } from '../../domain/message';
import { ChangeOutcome, MessageChange } from '../../domain/message-change';

/** What the store did with one draft of a batch. */
export interface AppendOutcome {
  /** The stored message: the draft's own, or the first one stored with its (channel, sender, clientMsgId). */
  readonly message: Message;
  /** False when the draft was a retry of a message already stored (earlier, or earlier in the same batch). */
  readonly isNew: boolean;
}

/** A member's read position in a channel. */
export interface ReadMark {
  readonly channelId: string;
  readonly userId: string;
  readonly lastReadSeq: number;
}

/**
 * The durable history of every channel. Pages are always in ascending `seq`;
 * `limit` is an integer ≥ 1 and cursors integers ≥ 0 (else a RangeError).
 * Maps answer for every channel asked about (0 where it has no messages),
 * except `lastMessages`, which leaves out channels without any.
 */
export abstract class MessageStore {
  /**
   * Stores a batch in one transaction and answers one outcome per draft, in input order.
   * Each new message gets the next `seq` of its channel, continuing from what is stored;
   * a draft whose (channelId, senderId, clientMsgId) is already stored, or appears earlier
   * in the batch, is not stored again. Safe to call concurrently: seqs never repeat or skip.
   */
  abstract appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]>;
  /**
   * Applies edits and deletes in one transaction, in input order (a later change of the batch sees
   * an earlier one), by decideChange's rules; answers one outcome per change, in input order. A
   * delete overwrites the text with "" in place: the old text is not kept anywhere beside it.
   */
  abstract applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]>;
  /** The newest `limit` messages. */
  abstract pageLatest(channelId: string, limit: number): Promise<Message[]>;
  /** The oldest `limit` messages with seq > afterSeq. */
  abstract pageAfter(channelId: string, afterSeq: number, limit: number): Promise<Message[]>;
  /** The newest `limit` messages with seq < beforeSeq. */
  abstract pageBefore(channelId: string, beforeSeq: number, limit: number): Promise<Message[]>;
  /**
   * TEXT messages, not deleted, whose text contains `query` (case-insensitive, taken literally:
   * no wildcards), newest first. An empty query finds nothing.
   */
  abstract search(channelId: string, query: string, limit: number): Promise<Message[]>;
  /** The stored messages of these ids, of any channel, in no particular order; unknown ids are left out. */
  abstract findByIds(ids: readonly string[]): Promise<Message[]>;
  /** The message with the highest seq of each channel (of any type). */
  abstract lastMessages(channelIds: readonly string[]): Promise<ReadonlyMap<string, Message>>;
  /** Per mark's channel: TEXT messages of others with seq > lastReadSeq. One mark per channel. */
  abstract unreadCounts(marks: readonly ReadMark[]): Promise<ReadonlyMap<string, number>>;
  /** The highest seq stored per channel. */
  abstract lastSeq(channelIds: readonly string[]): Promise<ReadonlyMap<string, number>>;
}
