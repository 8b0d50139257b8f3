import { PresenceVisibility } from '@webchat/platform/kernel';
import { ChannelPeers } from './ports/channel-peers.port';
import { ContactStore } from './ports/contact-store.port';

/** The presence privacy rule, the one place it is decided: shared channels, and contact lists read owner to contact. */
export class ContactPresenceVisibility extends PresenceVisibility {
  constructor(
    private readonly contacts: ContactStore,
    private readonly peers: ChannelPeers,
  ) {
    super();
  }

  async visibleTo(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    // Those who keep the viewer in their own contacts, and those the viewer shares a channel with.
    const [keepingViewer, peers] = await Promise.all([this.contacts.ownersKeeping(viewerId, userIds), this.peers.of(viewerId, userIds)]);
    return new Set(userIds.filter((id) => id === viewerId || keepingViewer.has(id) || peers.has(id)));
  }

  async audienceOf(userId: string): Promise<Set<string>> {
    const [kept, peers] = await Promise.all([this.contacts.listByOwner(userId), this.peers.of(userId)]);
    const audience = new Set([...peers, ...kept.map((contact) => contact.contactId)]);
    audience.delete(userId);
    return audience;
  }
}
