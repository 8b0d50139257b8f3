import { OnModuleDestroy } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import { requirePageLimit, requireSeqCursor } from '../../../application/ports/message-store.arguments';
import { AppendOutcome, MessageStore, ReadMark } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { foldForSearch } from '../../../domain/search-fold';
import { distinct, planAppend, retryKeyOf } from '../append-plan';
import { FOLD_FUNCTION, openMessageDatabase } from './open-message-database';
import { fromSqliteRow, SQLITE_MESSAGE_COLUMNS, SqliteMessageRow, toSqliteRow } from './sqlite-message-row';

/**
 * MessageStore on its own better-sqlite3 connection (see openMessageDatabase).
 * better-sqlite3 runs each transaction synchronously, start to commit, so no other
 * call of this process can interleave: appendBatch reads MAX(seq) and writes under
 * one BEGIN IMMEDIATE, which also holds off any other process's writer.
 */
export class SqliteMessageStore extends MessageStore implements OnModuleDestroy {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly appendInTransaction: (drafts: readonly MessageDraft[]) => AppendOutcome[];

  constructor(private readonly db: Database) {
    super();
    this.statements = prepare(db);
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

  onModuleDestroy(): void {
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

function prepare(db: Database) {
  const select = `SELECT ${SQLITE_MESSAGE_COLUMNS} FROM messages`;
  return {
    insert: db.prepare(
      `INSERT INTO messages (${SQLITE_MESSAGE_COLUMNS})
       VALUES (@id, @channel_id, @seq, @type, @sender_id, @sender_name, @text, @client_msg_id, @created_at)`,
    ),
    byRetryKey: db.prepare(`${select} WHERE channel_id = ? AND sender_id = ? AND client_msg_id = ?`),
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM messages WHERE channel_id = ?').pluck(),
    latest: db.prepare(`${select} WHERE channel_id = ? ORDER BY seq DESC LIMIT ?`),
    after: db.prepare(`${select} WHERE channel_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`),
    before: db.prepare(`${select} WHERE channel_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`),
    // instr, not LIKE: the query is matched literally, so '%' and '_' need no escaping.
    search: db.prepare(
      `${select} WHERE channel_id = ? AND type = 'TEXT' AND instr(${FOLD_FUNCTION}(text), ?) > 0 ORDER BY seq DESC LIMIT ?`,
    ),
    unread: db.prepare(`SELECT COUNT(*) FROM messages WHERE channel_id = ? AND seq > ? AND type = 'TEXT' AND sender_id <> ?`).pluck(),
  };
}
