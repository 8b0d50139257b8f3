import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { AppConfig } from '@webchat/platform';
import { join } from 'node:path';
import { MessageStore } from '../../application/ports/message-store.port';
import { MysqlMessageStore } from './mysql/mysql-message-store.adapter';
import { MESSAGES_SQLITE_FILE } from './sqlite/open-message-database';
import { SqliteMessageStore } from './sqlite/sqlite-message-store.adapter';

/**
 * Provides MessageStore for the configured database, chosen once at import:
 * `db=mysql` uses the shared data source (its tables come with chatPersistence),
 * `db=sqlite` opens DATA_DIR/messages.sqlite on a connection of its own, closed
 * when the application shuts down.
 */
@Module({})
export class MessageStoreModule {
  static forRoot(config: Pick<AppConfig, 'db' | 'dataDir'>): DynamicModule {
    const store: Provider =
      config.db === 'mysql'
        ? { provide: MessageStore, useClass: MysqlMessageStore }
        : { provide: MessageStore, useFactory: () => SqliteMessageStore.open(join(config.dataDir, MESSAGES_SQLITE_FILE)) };
    // Global: the history API and the send pipeline share the one store (one SQLite connection).
    return { module: MessageStoreModule, global: true, providers: [store], exports: [MessageStore] };
  }
}
