import type { PersistenceFeature } from '@webchat/platform';
import { ContactRecord } from './contact.record';
import { CreateContacts1763856000200 } from './migrations/1763856000200-create-contacts';
import { BinaryContactIds1795437800200 } from './migrations/1795437800200-binary-contact-ids';

/** The contact library's tables, for the shared data source. */
export const contactPersistence: PersistenceFeature = {
  entities: [ContactRecord],
  migrations: [CreateContacts1763856000200, BinaryContactIds1795437800200],
};
