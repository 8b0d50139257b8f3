import { DynamicModule, Module, Provider } from '@nestjs/common';
import type { AppConfig } from '@webchat/platform';
import { join } from 'node:path';
import { MessageStore } from '../../application/ports/message-store.port';
import { MysqlMessageStore } from './mysql/mysql-message-store.adapter';
import { MESSAGES_SQLITE_FILE } from './sqlite/open-message-database';
import { SqliteMessageStore } from './sqlite/sqlite-message-store.adapter';

export type MessageStoreConfig = Pick<AppConfig, 'messageStore' | 'mongoUrl' | 'dataDir'>;

/**
 * Provides MessageStore for the configured MESSAGE_STORE, chosen once at import:
 * `mysql` uses the shared data source (its tables come with chatPersistence),
 * `sqlite` opens DATA_DIR/messages.sqlite on a connection of its own, closed
 * when the application shuts down, and `mongo` imports the MongoDB module, loaded
 * only then (so mongoose is never loaded, let alone connected, otherwise).
 */
@Module({})
export class MessageStoreModule {
  static forRoot(config: MessageStoreConfig): DynamicModule | Promise<DynamicModule> {
    if (config.messageStore === 'mongo') return mongoStoreModule(config);
    const store: Provider =
      config.messageStore === 'mysql'
        ? { provide: MessageStore, useClass: MysqlMessageStore }
        : { provide: MessageStore, useFactory: () => SqliteMessageStore.open(join(config.dataDir, MESSAGES_SQLITE_FILE)) };
    // Global: the history API and the send pipeline share the one store (one SQLite connection).
    return { module: MessageStoreModule, global: true, providers: [store], exports: [MessageStore] };
  }
}

async function mongoStoreModule(config: MessageStoreConfig): Promise<DynamicModule> {
  // loadConfig requires MONGO_URL with MESSAGE_STORE=mongo; this guards a hand-made config.
  if (config.mongoUrl === undefined) throw new Error('MESSAGE_STORE=mongo needs MONGO_URL');
  const { MongoMessageStoreModule } = await import('./mongo/mongo-message-store.module');
  return MongoMessageStoreModule.forRoot(config.mongoUrl);
}
