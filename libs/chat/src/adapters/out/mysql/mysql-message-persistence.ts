import type { PersistenceFeature } from '@webchat/platform';
import { CreateMessages1763900000000 } from './migrations/1763900000000-create-messages';
import { AddMessageReplies1764000000000 } from './migrations/1764000000000-add-message-replies';
import { AddMessageEdits1764000000001 } from './migrations/1764000000001-add-message-edits';

/**
 * The chat library's part of the shared data source: the message tables on
 * MySQL (raw SQL, no entities). Harmless on SQLite, where its migration does nothing.
 */
export const chatPersistence: PersistenceFeature = {
  entities: [],
  migrations: [CreateMessages1763900000000, AddMessageReplies1764000000000, AddMessageEdits1764000000001],
};
