import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGES_SQLITE_FILE } from '../adapters/out/sqlite/open-message-database';
import { SqliteMessageStore } from '../adapters/out/sqlite/sqlite-message-store.adapter';
import { MessageStore } from '../application/ports/message-store.port';

/** Message stores over the same data, one per server node of a test, and a reader; all closed by `close`. */
export interface SharedMessageStores {
  /** A store of its own (connection or pool) for a node, as a separate server process has. */
  open(): Promise<MessageStore>;
  /** What is stored, read on a connection of its own. */
  readonly reader: MessageStore;
  close(): Promise<void>;
}

/** One real SQLite message file in a fresh folder (WAL, as the embedded server runs it), deleted on close. */
export function sqliteMessageFiles(): SharedMessageStores {
  const dir = mkdtempSync(join(tmpdir(), 'webchat-pipeline-'));
  const file = join(dir, MESSAGES_SQLITE_FILE);
  const opened = [SqliteMessageStore.open(file)];
  return {
    open: async () => {
      opened.push(SqliteMessageStore.open(file));
      return opened[opened.length - 1];
    },
    reader: opened[0],
    close: async () => {
      for (const store of opened) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
