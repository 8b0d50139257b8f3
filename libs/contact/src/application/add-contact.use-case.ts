import { Clock, Presence } from '@webchat/platform/kernel';
import { ContactCard, newContact } from '../domain/contact';
import { UnknownContactEmailError } from '../domain/contact.errors';
import { ContactDirectory } from './ports/contact-directory.port';
import { ContactStore } from './ports/contact-store.port';

export interface AddContactCommand {
  ownerId: string;
  email: string;
}

export class AddContact {
  constructor(
    private readonly contacts: ContactStore,
    private readonly directory: ContactDirectory,
    private readonly presence: Presence,
    private readonly clock: Clock,
  ) {}

  /** Throws UnknownContactEmailError, CannotAddYourselfError or AlreadyAContactError (also under a concurrent add). */
  async execute(command: AddContactCommand): Promise<ContactCard> {
    const user = await this.directory.findByEmail(command.email);
    if (!user) throw new UnknownContactEmailError();
    await this.contacts.add(newContact(command.ownerId, user.id, this.clock.now()));
    return { id: user.id, email: user.email, username: user.username, online: await this.presence.isOnline(user.id) };
  }
}
