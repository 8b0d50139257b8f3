import type { Database } from 'better-sqlite3';
import { SEARCH_DOCUMENT_FUNCTION } from './search-document-function';

/**
 * The message file's schema, versioned by `PRAGMA user_version` (this file is
 * not the shared TypeORM database, so TypeORM migrations do not reach it).
 * Append a step to change it; never edit a step that has shipped.
 */
export const MESSAGE_SCHEMA_STEPS: readonly string[] = [
  `CREATE TABLE messages (
     id            TEXT    NOT NULL,
     channel_id    TEXT    NOT NULL,
     seq           INTEGER NOT NULL,
     type          TEXT    NOT NULL DEFAULT 'TEXT' CHECK (type IN ('TEXT', 'SYSTEM')),
     sender_id     TEXT,
     sender_name   TEXT,
     text          TEXT    NOT NULL,
     client_msg_id TEXT,
     created_at    INTEGER NOT NULL, -- milliseconds since the epoch, UTC
     CHECK (type = 'SYSTEM' OR (sender_id IS NOT NULL AND client_msg_id IS NOT NULL))
   ) STRICT;
   -- Paging, last message and unread counts all walk a channel by seq.
   CREATE UNIQUE INDEX uq_messages_channel_seq ON messages (channel_id, seq);
   -- Retries: SYSTEM rows have NULL sender and client id, and NULLs never collide.
   CREATE UNIQUE INDEX uq_messages_client_msg ON messages (channel_id, sender_id, client_msg_id);
   -- Replies, edits and deletes (next steps) find a message by id.
   CREATE UNIQUE INDEX uq_messages_id ON messages (id);`,
  // Search by index (search-document.ts). Contentless: it holds tokens, never text, and
  // contentless_delete lets a rewritten message's old tokens go for good. Appends index their rows
  // themselves (sqlite-append.ts): an FTS5 write inside a trigger flushes the index at every row,
  // ten times slower. Rewrites and deletes of text are rare, so triggers keep every such path honest.
  `CREATE VIRTUAL TABLE message_search USING fts5(document, content = '', contentless_delete = 1, detail = 'none');
   INSERT INTO message_search (rowid, document)
     SELECT rowid, ${SEARCH_DOCUMENT_FUNCTION}(channel_id, text) FROM messages WHERE type = 'TEXT' AND text <> '';
   CREATE TRIGGER messages_search_update AFTER UPDATE OF text ON messages
   BEGIN
     DELETE FROM message_search WHERE rowid = old.rowid;
     INSERT INTO message_search (rowid, document)
       SELECT new.rowid, ${SEARCH_DOCUMENT_FUNCTION}(new.channel_id, new.text) WHERE new.type = 'TEXT' AND new.text <> '';
   END;
   CREATE TRIGGER messages_search_delete AFTER DELETE ON messages
   BEGIN
     DELETE FROM message_search WHERE rowid = old.rowid;
   END;`,
  // Edits and deletes (milliseconds since the epoch, UTC; NULL until it happens). A delete also
  // overwrites the text with '' in place.
  `ALTER TABLE messages ADD COLUMN edited_at INTEGER;
   ALTER TABLE messages ADD COLUMN deleted_at INTEGER;`,
  // Replies: the quoted message of the same channel (checked when sent, so no foreign key).
  `ALTER TABLE messages ADD COLUMN reply_to_id TEXT;`,
];

/** The schema version a migrated file has (its `PRAGMA user_version`). */
export const MESSAGE_SCHEMA_VERSION = MESSAGE_SCHEMA_STEPS.length;

export function migrateMessageSchema(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (const step of MESSAGE_SCHEMA_STEPS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${MESSAGE_SCHEMA_VERSION}`);
  }).immediate();
}
