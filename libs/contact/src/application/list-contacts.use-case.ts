import { Presence, PresenceVisibility } from '@webchat/platform/kernel';
import { ContactCard } from '../domain/contact';
import { ContactDirectory } from './ports/contact-directory.port';
import { ContactStore } from './ports/contact-store.port';

export class ListContacts {
  constructor(
    private readonly contacts: ContactStore,
    private readonly directory: ContactDirectory,
    private readonly presence: Presence,
    private readonly visibility: PresenceVisibility,
  ) {}

  /**
   * My contacts in the order I added them; an entry whose account is gone is left out. A contact
   * shows online only when presence privacy lets me see them (they keep me, or we share a channel).
   */
  async execute(ownerId: string): Promise<ContactCard[]> {
    const entries = await this.contacts.listByOwner(ownerId);
    if (entries.length === 0) return [];
    const ids = entries.map((entry) => entry.contactId);
    const [users, online, visible] = await Promise.all([
      this.directory.findByIds(ids),
      this.presence.onlineAmong(ids),
      this.visibility.visibleTo(ownerId, ids),
    ]);
    const byId = new Map(users.map((user) => [user.id, user]));
    return ids.flatMap((id) => {
      const user = byId.get(id);
      return user ? [{ id, email: user.email, username: user.username, online: online.has(id) && visible.has(id) }] : [];
    });
  }
}
