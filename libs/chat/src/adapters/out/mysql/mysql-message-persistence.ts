import type { PersistenceFeature } from '@webchat/platform';
import { CreateMessages1763900000000 } from './migrations/1763900000000-create-messages';

/**
 * The chat library's part of the shared data source: the message tables on
 * MySQL (raw SQL, no entities). Harmless on SQLite, where its migration does nothing.
 */
export const chatPersistence: PersistenceFeature = {
  entities: [],
  migrations: [CreateMessages1763900000000],
};
