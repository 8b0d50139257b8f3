import { describeOnMysql, typeormStoreFixture } from '@webchat/platform/testing';
import { contactStoreContract } from '../../../application/ports/contact-store.contract';
import { contactPersistence } from './contact-persistence';
import { TypeormContactStore } from './typeorm-contact-store.adapter';

const build = (...deps: ConstructorParameters<typeof TypeormContactStore>) => new TypeormContactStore(...deps);

describe('TypeormContactStore [sqlite]', () => contactStoreContract(typeormStoreFixture('sqlite', [contactPersistence], build)));
describeOnMysql('TypeormContactStore', () => contactStoreContract(typeormStoreFixture('mysql', [contactPersistence], build)));
