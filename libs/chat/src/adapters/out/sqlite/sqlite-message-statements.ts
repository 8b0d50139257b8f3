import type { Database } from 'better-sqlite3';
import { FOLD_FUNCTION } from './search-document-function';
import { SQLITE_MESSAGE_COLUMNS } from './sqlite-message-row';

export type MessageStatements = ReturnType<typeof prepareMessageStatements>;

/** Every SQL statement of the SQLite message store, prepared once per connection. */
export function prepareMessageStatements(db: Database) {
  const select = `SELECT ${SQLITE_MESSAGE_COLUMNS} FROM messages`;
  return {
    insert: db.prepare(
      `INSERT INTO messages (${SQLITE_MESSAGE_COLUMNS})
       VALUES (@id, @channel_id, @seq, @type, @sender_id, @sender_name, @text, @client_msg_id, @created_at, @reply_to_id, @edited_at, @deleted_at)`,
    ),
    indexForSearch: db.prepare('INSERT INTO message_search (rowid, document) VALUES (?, ?)'),
    // An edit or delete writes the text in place: a delete leaves no copy of the old text beside it.
    change: db.prepare('UPDATE messages SET text = @text, edited_at = @edited_at, deleted_at = @deleted_at WHERE id = @id'),
    byId: db.prepare(`${select} WHERE id = ?`),
    // One statement for any number of ids: they travel as one JSON array.
    byIds: db.prepare(`${select} WHERE id IN (SELECT value FROM json_each(?))`),
    byRetryKey: db.prepare(`${select} WHERE channel_id = ? AND sender_id = ? AND client_msg_id = ?`),
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM messages WHERE channel_id = ?').pluck(),
    latest: db.prepare(`${select} WHERE channel_id = ? ORDER BY seq DESC LIMIT ?`),
    after: db.prepare(`${select} WHERE channel_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?`),
    before: db.prepare(`${select} WHERE channel_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`),
    // The index gives candidates newest first (rowids grow with seq within a channel, since a
    // channel's messages are inserted in seq order); instr() drops those whose pairs are not
    // adjacent. instr, not LIKE: the query is matched literally, so '%' and '_' need no escaping.
    search: db.prepare(
      `SELECT ${SQLITE_MESSAGE_COLUMNS} FROM message_search JOIN messages ON messages.rowid = message_search.rowid
       WHERE message_search MATCH ? AND channel_id = ? AND type = 'TEXT' AND deleted_at IS NULL AND instr(${FOLD_FUNCTION}(text), ?) > 0
       ORDER BY message_search.rowid DESC LIMIT ?`,
    ),
    unread: db.prepare(`SELECT COUNT(*) FROM messages WHERE channel_id = ? AND seq > ? AND type = 'TEXT' AND sender_id <> ?`).pluck(),
  };
}
