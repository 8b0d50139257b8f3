import { OnApplicationShutdown } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import { requirePageLimit, requireSeqCursor } from '../../../application/ports/message-store.arguments';
import { AppendOutcome, MessageStore, ReadMark } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { ChangeOutcome, MessageChange } from '../../../domain/message-change';
import { foldForSearch } from '../../../domain/search-fold';
import { distinct } from '../append-plan';
import { openMessageDatabase } from './open-message-database';
import { searchMatchExpression } from './search-document';
import { sqliteAppender, sqliteChanger } from './sqlite-append';
import { SqliteAppendThread } from './sqlite-append-thread';
import { fromSqliteRow, SqliteMessageRow } from './sqlite-message-row';
import { MessageStatements, prepareMessageStatements } from './sqlite-message-statements';

/**
 * MessageStore on its own better-sqlite3 connection (see openMessageDatabase). A message file
 * appends on a worker thread with a connection of its own (SqliteAppendThread), so the commit's
 * fsync does not stop the event loop (edits and deletes go there too); reads stay on this
 * connection (WAL: they see every committed batch). `:memory:` appends here, synchronously (see
 * sqliteAppender).
 */
export class SqliteMessageStore extends MessageStore implements OnApplicationShutdown {
  private readonly statements: MessageStatements;
  private readonly append: (drafts: readonly MessageDraft[]) => AppendOutcome[] | Promise<AppendOutcome[]>;
  private readonly change: (changes: readonly MessageChange[]) => ChangeOutcome[] | Promise<ChangeOutcome[]>;

  constructor(
    private readonly db: Database,
    private readonly appendThread?: SqliteAppendThread,
  ) {
    super();
    this.statements = prepareMessageStatements(db);
    this.append = appendThread ? (drafts) => appendThread.append(drafts) : sqliteAppender(db);
    // On the append thread too, so a change is written in log order with the appends around it.
    this.change = appendThread ? (changes) => appendThread.applyChanges(changes) : sqliteChanger(db);
  }

  /** Opens the message file (created and migrated when new), appending on a thread unless `:memory:`. */
  static open(file: string): SqliteMessageStore {
    const db = openMessageDatabase(file);
    return new SqliteMessageStore(db, file === ':memory:' ? undefined : new SqliteAppendThread(file));
  }

  async appendBatch(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    return drafts.length === 0 ? [] : this.append(drafts);
  }

  async applyChanges(changes: readonly MessageChange[]): Promise<ChangeOutcome[]> {
    return changes.length === 0 ? [] : this.change(changes);
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
    if (query === '') return [];
    const folded = foldForSearch(query);
    return this.rows(this.statements.search, searchMatchExpression(channelId, folded), channelId, folded, limit);
  }

  async findByIds(ids: readonly string[]): Promise<Message[]> {
    return ids.length === 0 ? [] : this.rows(this.statements.byIds, JSON.stringify(distinct(ids)));
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
    this.appendThread?.close();
    if (this.db.open) this.db.close();
  }

  private maxSeq(channelId: string): number {
    return this.statements.maxSeq.get(channelId) as number;
  }

  private rows(statement: Statement, ...parameters: unknown[]): Message[] {
    return (statement.all(...parameters) as SqliteMessageRow[]).map(fromSqliteRow);
  }
}
