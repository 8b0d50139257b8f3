import { describeOnMysql, TestDatabase, typeormStoreFixture } from '@webchat/platform/testing';
import { channelStoreContract, ChannelStoreFixture } from '../../../application/ports/channel-store.contract';
import { channelPersistence } from './channel-persistence';
import { TypeormChannelStore } from './typeorm-channel-store.adapter';

const build = (...deps: ConstructorParameters<typeof TypeormChannelStore>) => new TypeormChannelStore(...deps);

function fixture(kind: TestDatabase): () => Promise<ChannelStoreFixture> {
  const open = typeormStoreFixture(kind, [channelPersistence], build);
  return async () => {
    const { store, transactions, close } = await open();
    return { store, close, inTransaction: (work) => transactions.run(() => work()) };
  };
}

describe('TypeormChannelStore [sqlite]', () => channelStoreContract(fixture('sqlite')));
describeOnMysql('TypeormChannelStore', () => channelStoreContract(fixture('mysql')));
