import { Clock, Presence, PresenceVisibility } from '@webchat/platform/kernel';
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
    private readonly visibility: PresenceVisibility,
    private readonly clock: Clock,
  ) {}

  /** Throws UnknownContactEmailError, CannotAddYourselfError or AlreadyAContactError (also under a concurrent add). */
  async execute(command: AddContactCommand): Promise<ContactCard> {
    const user = await this.directory.findByEmail(command.email);
    if (!user) throw new UnknownContactEmailError();
    await this.contacts.add(newContact(command.ownerId, user.id, this.clock.now()));
    // Adding someone does not let me see them: only their own list (or a shared channel) does.
    const [online, visible] = await Promise.all([this.presence.isOnline(user.id), this.visibility.visibleTo(command.ownerId, [user.id])]);
    return { id: user.id, email: user.email, username: user.username, online: online && visible.has(user.id) };
  }
}
