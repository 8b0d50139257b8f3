import { ContactStore } from './ports/contact-store.port';

/** The ids in a user's contact list, for other libraries (the chat gateway's presence audience). */
export class ContactIds {
  constructor(private readonly contacts: ContactStore) {}

  async of(ownerId: string): Promise<string[]> {
    return (await this.contacts.listByOwner(ownerId)).map((contact) => contact.contactId);
  }
}
