import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { channelStoreContract } from '../../../application/ports/channel-store.contract';
import { channelPersistence } from './channel-persistence';
import { TypeormChannelStore } from './typeorm-channel-store.adapter';

const build = (...deps: ConstructorParameters<typeof TypeormChannelStore>) => new TypeormChannelStore(...deps);

describe('TypeormChannelStore [sqlite]', () => channelStoreContract(typeormStoreFixture('sqlite', [channelPersistence], build)));
describeOnMysql('TypeormChannelStore', () => channelStoreContract(typeormStoreFixture('mysql', [channelPersistence], build)));
