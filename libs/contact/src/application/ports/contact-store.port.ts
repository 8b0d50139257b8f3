import { Contact } from '../../domain/contact';

/** Where contact lists are kept. */
export abstract class ContactStore {
  /** Stores a new entry; throws AlreadyAContactError when the pair exists (atomically, by the primary key). */
  abstract add(contact: Contact): Promise<void>;
  /** The owner's entries, oldest first (ties broken by contactId, so the order is stable). */
  abstract listByOwner(ownerId: string): Promise<Contact[]>;
  /** Which of `ownerIds` keep `contactId` in their own lists (the reverse reading, by the contact_id index). */
  abstract ownersKeeping(contactId: string, ownerIds: readonly string[]): Promise<Set<string>>;
  /** Deletes the entry; false when there was none. */
  abstract remove(ownerId: string, contactId: string): Promise<boolean>;
  /** Deletes every entry of the user's own list and every entry naming the user in others' lists (a deleted account). */
  abstract removeAllOf(userId: string): Promise<void>;
}
