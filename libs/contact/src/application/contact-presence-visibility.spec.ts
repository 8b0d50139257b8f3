import { MemoryChannelPeers } from '../adapters/out/memory/memory-channel-peers.adapter';
import { MemoryContactStore } from '../adapters/out/memory/memory-contact-store.adapter';
import { ContactPresenceVisibility } from './contact-presence-visibility';

describe('presence privacy (ContactPresenceVisibility)', () => {
  const at = new Date('2026-11-23T10:00:00.000Z');
  let contacts: MemoryContactStore;
  let visibility: ContactPresenceVisibility;

  beforeEach(async () => {
    contacts = new MemoryContactStore();
    // u keeps v; w keeps nobody; p shares a channel with v; s is a stranger to everyone.
    await contacts.add({ ownerId: 'u', contactId: 'v', createdAt: at });
    await contacts.add({ ownerId: 'v', contactId: 'w', createdAt: at });
    visibility = new ContactPresenceVisibility(contacts, new MemoryChannelPeers([['v', 'p'], ['s']]));
  });

  it('lets a viewer see those who keep them, their channel peers and themself; not those they merely keep', async () => {
    expect(await visibility.visibleTo('v', ['u', 'w', 'p', 's', 'v'])).toEqual(new Set(['u', 'p', 'v']));
    expect(await visibility.visibleTo('u', ['v'])).toEqual(new Set());
    expect(await visibility.visibleTo('w', ['v'])).toEqual(new Set(['v']));
    expect(await visibility.visibleTo('s', [])).toEqual(new Set());
  });

  it('tells a change to the same people, read the other way: own contacts and channel peers', async () => {
    expect(await visibility.audienceOf('u')).toEqual(new Set(['v']));
    expect(await visibility.audienceOf('v')).toEqual(new Set(['w', 'p']));
    expect(await visibility.audienceOf('w')).toEqual(new Set());
    expect(await visibility.audienceOf('s')).toEqual(new Set());
  });

  it('agrees with itself: V is in the audience of U exactly when V may see U', async () => {
    const users = ['u', 'v', 'w', 'p', 's'];
    for (const subject of users) {
      const audience = await visibility.audienceOf(subject);
      for (const viewer of users.filter((id) => id !== subject)) {
        expect([viewer, subject, (await visibility.visibleTo(viewer, [subject])).has(subject)]).toEqual([viewer, subject, audience.has(viewer)]);
      }
    }
  });
});
