import { describeOnMysql, openTestDataSource } from '@webchat/platform/testing';
import { SqlTransactions } from '@webchat/platform';
import { DataSource } from 'typeorm';
import { messageStoreContract } from '../../../application/ports/message-store.contract';
import { chatPersistence } from './mysql-message-persistence';
import { MysqlMessageStore } from './mysql-message-store.adapter';

describeOnMysql('MysqlMessageStore', () =>
  messageStoreContract(async () => {
    const db = await openTestDataSource('mysql', [chatPersistence]);
    // The sibling has a pool of its own on the same schema, as a second server node would.
    const second = await new DataSource({ ...db.dataSource.options, migrationsRun: false }).initialize();
    return {
      store: new MysqlMessageStore(db.dataSource, new SqlTransactions(db.dataSource)),
      sibling: new MysqlMessageStore(second, new SqlTransactions(second)),
      close: async () => {
        await second.destroy();
        await db.close();
      },
    };
  }));
