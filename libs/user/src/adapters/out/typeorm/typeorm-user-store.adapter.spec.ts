import { SqlTransactions } from '@webchat/platform';
import { describeOnMysql, openTestDataSource, TestDatabase } from '@webchat/platform/testing';
import { userStoreContract } from '../../../application/ports/user-store.contract';
import { TypeormUserStore } from './typeorm-user-store.adapter';
import { userPersistence } from './user-persistence';

function openStore(kind: TestDatabase) {
  return async () => {
    const { dataSource, close } = await openTestDataSource(kind, [userPersistence]);
    return { store: new TypeormUserStore(dataSource, new SqlTransactions(dataSource)), close };
  };
}

describe('TypeormUserStore [sqlite]', () => userStoreContract(openStore('sqlite')));
describeOnMysql('TypeormUserStore', () => userStoreContract(openStore('mysql')));
