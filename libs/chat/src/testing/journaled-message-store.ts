import { AppendOutcome, MessageStore, ReadMark } from '../application/ports/message-store.port';
import { Message, MessageDraft } from '../domain/message';

/** What every node's store did, shared by the nodes of one test: batches stored, ids stored, failures thrown. */
export class StoreJournal {
  readonly batchSizes: number[] = [];
  readonly storedIds = new Set<string>();
  failures = 0;
}

/**
 * A real MessageStore with a journal around `appendBatch`, and a switch that makes the next
 * `failNext` appends throw before reaching the store (a database that is briefly away).
 */
export class JournaledMessageStore extends MessageStore {
  failNext = 0;

  constructor(
    private readonly store: MessageStore,
    private readonly journal: StoreJournal,
  ) {
    super();
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.journal.failures += 1;
      throw new Error('the message store is away (test)');
    }
    const outcomes = await this.store.appendBatch(drafts);
    this.journal.batchSizes.push(drafts.length);
    for (const { message } of outcomes) this.journal.storedIds.add(message.id);
    return outcomes;
  }

  pageLatest(channelId: string, limit: number): Promise<Message[]> {
    return this.store.pageLatest(channelId, limit);
  }

  pageAfter(channelId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.store.pageAfter(channelId, afterSeq, limit);
  }

  pageBefore(channelId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    return this.store.pageBefore(channelId, beforeSeq, limit);
  }

  search(channelId: string, query: string, limit: number): Promise<Message[]> {
    return this.store.search(channelId, query, limit);
  }

  lastMessages(channelIds: readonly string[]): Promise<ReadonlyMap<string, Message>> {
    return this.store.lastMessages(channelIds);
  }

  unreadCounts(marks: readonly ReadMark[]): Promise<ReadonlyMap<string, number>> {
    return this.store.unreadCounts(marks);
  }

  lastSeq(channelIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return this.store.lastSeq(channelIds);
  }
}
