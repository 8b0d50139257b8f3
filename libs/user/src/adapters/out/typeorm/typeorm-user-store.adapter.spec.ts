import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { userStoreContract } from '../../../application/ports/user-store.contract';
import { userPersistence } from './user-persistence';
import { TypeormUserStore } from './typeorm-user-store.adapter';

const build = (...deps: ConstructorParameters<typeof TypeormUserStore>) => new TypeormUserStore(...deps);

describe('TypeormUserStore [sqlite]', () => userStoreContract(typeormStoreFixture('sqlite', [userPersistence], build)));
describeOnMysql('TypeormUserStore', () => userStoreContract(typeormStoreFixture('mysql', [userPersistence], build)));
