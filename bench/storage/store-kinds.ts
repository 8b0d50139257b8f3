import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlTransactions } from '../../libs/platform/src/persistence/sql-transactions';
import { openTestDataSource } from '../../libs/platform/src/testing/test-data-sources';
import { chatPersistence } from '../../libs/chat/src/adapters/out/mysql/mysql-message-persistence';
import { MysqlMessageStore } from '../../libs/chat/src/adapters/out/mysql/mysql-message-store.adapter';
import { MESSAGES_SQLITE_FILE } from '../../libs/chat/src/adapters/out/sqlite/open-message-database';
import { SqliteMessageStore } from '../../libs/chat/src/adapters/out/sqlite/sqlite-message-store.adapter';
import type { MessageStore } from '../../libs/chat/src/application/ports/message-store.port';

export interface OpenedStore {
  readonly store: MessageStore;
  close(): Promise<void>;
}

/** One message-store technology the comparison runs on. */
export interface StoreKind {
  readonly name: string;
  /** Why this kind is left out of the run (its server is not configured), or null to run it. */
  skipReason(): string | null;
  /** An empty store, built the way its module builds it, thrown away on close. */
  open(): Promise<OpenedStore>;
}

/**
 * Every store the comparison knows, in table order. A new adapter is one more entry:
 * the MongoDB store plugs in here as { name: 'MongoDB', skipReason: MONGO_URL unset,
 * open: its factory from libs/platform/src/testing/test-data-sources.ts (a fresh database
 * dropped on close) + the adapter }.
 */
export const STORE_KINDS: readonly StoreKind[] = [
  {
    name: 'SQLite',
    skipReason: () => null,
    open: async () => {
      // A real file in WAL mode with synchronous=FULL, as the server opens DATA_DIR/messages.sqlite.
      const dir = mkdtempSync(join(tmpdir(), 'webchat-storage-bench-'));
      const store = SqliteMessageStore.open(join(dir, MESSAGES_SQLITE_FILE));
      return {
        store,
        close: async () => {
          store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'MariaDB',
    // Always: the server of `npm run infra:up -- mariadb` (MYSQL_URL in .infra/env); unreachable fails the run.
    skipReason: () => null,
    open: async () => {
      // A fresh schema on the MySQL test server, migrated, dropped on close.
      const db = await openTestDataSource('mysql', [chatPersistence]);
      return { store: new MysqlMessageStore(db.dataSource, new SqlTransactions(db.dataSource)), close: () => db.close() };
    },
  },
];
