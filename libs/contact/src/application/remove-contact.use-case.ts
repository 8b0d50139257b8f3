import { NotAContactError } from '../domain/contact.errors';
import { ContactStore } from './ports/contact-store.port';

export interface RemoveContactCommand {
  ownerId: string;
  contactId: string;
}

export class RemoveContact {
  constructor(private readonly contacts: ContactStore) {}

  /** Throws NotAContactError when the user is not in the owner's list. */
  async execute(command: RemoveContactCommand): Promise<void> {
    if (!(await this.contacts.remove(command.ownerId, command.contactId))) throw new NotAContactError();
  }
}
