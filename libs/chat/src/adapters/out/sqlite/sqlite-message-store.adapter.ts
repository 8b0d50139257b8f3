import { OnApplicationShutdown } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import { requirePageLimit, requireSeqCursor } from '../../../application/ports/message-store.arguments';
import { AppendOutcome, MessageStore, ReadMark } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { foldForSearch } from '../../../domain/search-fold';
import { distinct, planAppend, retryKeyOf } from '../append-plan';
import { openMessageDatabase } from './open-message-database';
import { fromSqliteRow, SqliteMessageRow, toSqliteRow } from './sqlite-message-row';
import { MessageStatements, prepareMessageStatements } from './sqlite-message-statements';

/**
 * MessageStore on its own better-sqlite3 connection (see openMessageDatabase).
 * better-sqlite3 runs each transaction synchronously, start to commit, so no other
 * call of this process can interleave: appendBatch reads MAX(seq) and writes under
 * one BEGIN IMMEDIATE, which also holds off any other process's writer.
 */
export class SqliteMessageStore extends MessageStore implements OnApplicationShutdown {
  private readonly statements: MessageStatements;
  private readonly appendInTransaction: (drafts: readonly MessageDraft[]) => AppendOutcome[];

  constructor(private readonly db: Database) {
    super();
    this.statements = prepareMessageStatements(db);
    const append = db.transaction((drafts: readonly MessageDraft[]) => this.append(drafts));
    this.appendInTransaction = (drafts) => append.immediate(drafts);
  }

  /** Opens the message file (created and migrated when new). */
  static open(file: string): SqliteMessageStore {
    return new SqliteMessageStore(openMessageDatabase(file));
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    return drafts.length === 0 ? [] : this.appendInTransaction(drafts);
  }

  async pageLatest(channelId: string, limit: number): Promise<Message[]> {
    return this.rows(this.statements.latest, channelId, requirePageLimit(limit)).reverse();
  }

  async pageAfter(channelId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.rows(this.statements.after, channelId, requireSeqCursor(afterSeq), requirePageLimit(limit));
  }

  async pageBefore(channelId: string, beforeSeq: number, limit: number): Promise<Message[]> {
    return this.rows(this.statements.before, channelId, requireSeqCursor(beforeSeq), requirePageLimit(limit)).reverse();
  }

  async search(channelId: string, query: string, limit: number): Promise<Message[]> {
    requirePageLimit(limit);
    return query === '' ? [] : this.rows(this.statements.search, channelId, foldForSearch(query), limit);
  }

  async lastMessages(channelIds: readonly string[]): Promise<ReadonlyMap<string, Message>> {
    const found = new Map<string, Message>();
    for (const channelId of distinct(channelIds)) {
      const [last] = this.rows(this.statements.latest, channelId, 1);
      if (last) found.set(channelId, last);
    }
    return found;
  }

  async unreadCounts(marks: readonly ReadMark[]): Promise<ReadonlyMap<string, number>> {
    return new Map(
      marks.map((mark) => [
        mark.channelId,
        this.statements.unread.get(mark.channelId, requireSeqCursor(mark.lastReadSeq), mark.userId) as number,
      ]),
    );
  }

  async lastSeq(channelIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return new Map(distinct(channelIds).map((channelId) => [channelId, this.maxSeq(channelId)]));
  }

  /** Last, after the chat pipeline has stored what it had in flight (it drains before shutdown). */
  onApplicationShutdown(): void {
    this.close();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs inside BEGIN IMMEDIATE: the reads below see every committed batch and no writer can slip in. */
  private append(drafts: readonly MessageDraft[]): AppendOutcome[] {
    const stored = new Map<string, Message>();
    for (const draft of drafts) {
      const key = retryKeyOf(draft);
      if (key === undefined || stored.has(key)) continue;
      const row = this.statements.byRetryKey.get(draft.channelId, draft.senderId, draft.clientMsgId) as SqliteMessageRow | undefined;
      if (row) stored.set(key, fromSqliteRow(row));
    }
    const lastSeq = new Map(distinct(drafts.map((draft) => draft.channelId)).map((channelId) => [channelId, this.maxSeq(channelId)]));
    const plan = planAppend(drafts, stored, lastSeq);
    for (const message of plan.fresh) this.statements.insert.run(toSqliteRow(message));
    return plan.outcomes;
  }

  private maxSeq(channelId: string): number {
    return this.statements.maxSeq.get(channelId) as number;
  }

  private rows(statement: Statement, ...parameters: unknown[]): Message[] {
    return (statement.all(...parameters) as SqliteMessageRow[]).map(fromSqliteRow);
  }
}
