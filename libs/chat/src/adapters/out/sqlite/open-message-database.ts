import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerSearchFunctions } from './search-document-function';
import { migrateMessageSchema } from './sqlite-message-schema';

/** The message store's own file in DATA_DIR, beside the shared webchat.sqlite. */
export const MESSAGES_SQLITE_FILE = 'messages.sqlite';

/**
 * Opens (and migrates) the message database on its own connection. WAL with
 * synchronous=FULL: a committed batch survives a crash of the machine, not only
 * of the process (DESIGN §1); one fsync per batch is the price, which batching pays.
 * `:memory:` is for tests (no WAL there).
 */
export function openMessageDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // A deleted message's text is overwritten in place; this zeroes the space its old cell leaves
    // too, so the file keeps no copy (the WAL drops its old frames as checkpoints recycle it).
    db.pragma('secure_delete = ON');
    registerSearchFunctions(db);
    migrateMessageSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
