import type { PersistenceFeature } from '@webchat/platform';
import { CreateUsers1763856000000 } from './migrations/1763856000000-create-users';
import { UserRecord } from './user.record';

/** The user library's tables, for the shared data source. */
export const userPersistence: PersistenceFeature = {
  entities: [UserRecord],
  migrations: [CreateUsers1763856000000],
};
