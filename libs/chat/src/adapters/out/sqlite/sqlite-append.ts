import type { Database } from 'better-sqlite3';
import { AppendOutcome } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';
import { ChangeOutcome, MessageChange } from '../../../domain/message-change';
import { foldForSearch } from '../../../domain/search-fold';
import { distinct, planAppend, retryKeyOf } from '../append-plan';
import { planChanges, targetIds } from '../change-plan';
import { searchDocument } from './search-document';
import { fromSqliteRow, SqliteMessageRow, toSqliteRow } from './sqlite-message-row';
import { prepareMessageStatements } from './sqlite-message-statements';

/**
 * appendBatch's work on one connection: better-sqlite3 runs the transaction synchronously, start
 * to commit (its fsync included), so no other call on the connection can interleave. It reads
 * MAX(seq) and the retry keys and writes under one BEGIN IMMEDIATE, which also holds off any other
 * connection's writer.
 */
export function sqliteAppender(db: Database): (drafts: readonly MessageDraft[]) => AppendOutcome[] {
  const statements = prepareMessageStatements(db);
  const append = db.transaction((drafts: readonly MessageDraft[]): AppendOutcome[] => {
    const stored = new Map<string, Message>();
    for (const draft of drafts) {
      const key = retryKeyOf(draft);
      if (key === undefined || stored.has(key)) continue;
      const row = statements.byRetryKey.get(draft.channelId, draft.senderId, draft.clientMsgId) as SqliteMessageRow | undefined;
      if (row) stored.set(key, fromSqliteRow(row));
    }
    const lastSeq = new Map(distinct(drafts.map((draft) => draft.channelId)).map((channelId) => [channelId, statements.maxSeq.get(channelId) as number]));
    const plan = planAppend(drafts, stored, lastSeq);
    for (const message of plan.fresh) {
      const { lastInsertRowid } = statements.insert.run(toSqliteRow(message));
      if (message.type === 'TEXT') statements.indexForSearch.run(lastInsertRowid, searchDocument(message.channelId, foldForSearch(message.text)));
    }
    return plan.outcomes;
  });
  return (drafts) => append.immediate(drafts);
}

/** applyChanges' work on one connection, under one BEGIN IMMEDIATE like an append: read the targets, decide, write back. */
export function sqliteChanger(db: Database): (changes: readonly MessageChange[]) => ChangeOutcome[] {
  const statements = prepareMessageStatements(db);
  const apply = db.transaction((changes: readonly MessageChange[]): ChangeOutcome[] => {
    const stored = new Map<string, Message>();
    for (const id of targetIds(changes)) {
      const row = statements.byId.get(id) as SqliteMessageRow | undefined;
      if (row) stored.set(id, fromSqliteRow(row));
    }
    const plan = planChanges(changes, stored);
    for (const message of plan.changed) {
      const row = toSqliteRow(message);
      statements.change.run({ id: row.id, text: row.text, edited_at: row.edited_at, deleted_at: row.deleted_at });
    }
    return plan.outcomes;
  });
  return (changes) => apply.immediate(changes);
}
