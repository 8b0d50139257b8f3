import { AppendOutcome, MessageStore, ReadMark } from '../application/ports/message-store.port';
import { Message, MessageDraft } from '../domain/message';
import { ChangeOutcome, MessageChange } from '../domain/message-change';

/** What every node's store did, shared by the nodes of one test: batches stored, ids stored, failures thrown. */
export class StoreJournal {
  readonly batchSizes: number[] = [];
  readonly storedIds = new Set<string>();
  failures = 0;
}

/** Appends that fail: `before` never reach the database (it is away); `after` commit, then report an error (the answer was lost). */
export interface AppendFailures {
  before?: number;
  after?: number;
}

/** A real MessageStore with a journal around `appendBatch`, and appends that fail on demand. */
export class JournaledMessageStore extends MessageStore {
  constructor(
    private readonly store: MessageStore,
    private readonly journal: StoreJournal,
    private readonly failing: AppendFailures = {},
  ) {
    super();
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    this.failIf('before');
    const outcomes = await this.store.appendBatch(drafts);
    this.failIf('after');
    this.journal.batchSizes.push(drafts.length);
    for (const { message } of outcomes) this.journal.storedIds.add(message.id);
    return outcomes;
  }

  /** Changes fail on demand too, counted as one of `before` or `after`'s failures. */
  async applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    this.failIf('before');
    const outcomes = await this.store.applyChanges(changes);
    this.failIf('after');
    return outcomes;
  }

  private failIf(when: keyof AppendFailures): void {
    if ((this.failing[when] ?? 0) === 0) return;
    this.failing[when] = (this.failing[when] ?? 0) - 1;
    this.journal.failures += 1;
    throw new Error(`the message store failed ${when} storing (test)`);
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

  findByIds(ids: readonly string[]): Promise<Message[]> {
    return this.store.findByIds(ids);
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
