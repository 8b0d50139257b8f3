import type { Database } from 'better-sqlite3';

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
  // Replies: the quoted message of the same channel (checked when sent, so no foreign key).
  `ALTER TABLE messages ADD COLUMN reply_to_id TEXT;`,
];

export function migrateMessageSchema(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (const step of MESSAGE_SCHEMA_STEPS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${MESSAGE_SCHEMA_STEPS.length}`);
  }).immediate();
}
