import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { pushStoresContract } from '../../../application/ports/push-stores.contract';
import { pushPersistence } from './push-persistence';
import { TypeormPushPreferenceStore } from './typeorm-push-preference-store.adapter';
import { TypeormPushSubscriptionStore } from './typeorm-push-subscription-store.adapter';

const open = (kind: 'sqlite' | 'mysql') => async () => {
  const fixture = await typeormStoreFixture(kind, [pushPersistence], (dataSource, transactions) => ({
    subscriptions: new TypeormPushSubscriptionStore(dataSource, transactions),
    preferences: new TypeormPushPreferenceStore(dataSource, transactions),
  }))();
  return { ...fixture.store, close: fixture.close };
};

describe('TypeORM push stores [sqlite]', () => pushStoresContract(open('sqlite')));
describeOnMysql('TypeORM push stores', () => pushStoresContract(open('mysql')));
