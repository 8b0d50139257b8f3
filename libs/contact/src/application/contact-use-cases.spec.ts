import { Clock, Presence } from '@webchat/platform';
import { singleNodePresence } from '@webchat/platform/testing';
import { MemoryChannelPeers } from '../adapters/out/memory/memory-channel-peers.adapter';
import { MemoryContactStore } from '../adapters/out/memory/memory-contact-store.adapter';
import { AlreadyAContactError, CannotAddYourselfError, NotAContactError, UnknownContactEmailError } from '../domain/contact.errors';
import { AddContact } from './add-contact.use-case';
import { ContactPresenceVisibility } from './contact-presence-visibility';
import { ListContacts } from './list-contacts.use-case';
import { ContactDirectory, DirectoryUser } from './ports/contact-directory.port';
import { RemoveContact } from './remove-contact.use-case';

/** A directory of fixed accounts that compares emails the way the user library does. */
class FixedDirectory extends ContactDirectory {
  constructor(readonly users: DirectoryUser[]) {
    super();
  }

  async findByEmail(email: string): Promise<DirectoryUser | undefined> {
    return this.users.find((user) => user.email === email.trim().toLowerCase());
  }

  async findByIds(ids: readonly string[]): Promise<DirectoryUser[]> {
    return this.users.filter((user) => ids.includes(user.id));
  }
}

/** A clock that moves one millisecond per reading, so adds have distinct times. */
class TickingClock extends Clock {
  private at = Date.parse('2026-11-23T10:00:00.000Z');
  now(): Date {
    this.at += 1;
    return new Date(this.at);
  }
}

const mina = { id: 'u-mina', email: 'mina@example.com', username: 'Mina' };
const jun = { id: 'u-jun', email: 'jun@example.com', username: 'Jun' };
const hana = { id: 'u-hana', email: 'hana@example.com', username: '하나' };

describe('contact use cases', () => {
  let store: MemoryContactStore;
  let directory: FixedDirectory;
  let channels: MemoryChannelPeers;
  let presence: Presence;
  let add: AddContact;
  let list: ListContacts;
  let remove: RemoveContact;

  beforeEach(() => {
    store = new MemoryContactStore();
    directory = new FixedDirectory([mina, jun, hana]);
    channels = new MemoryChannelPeers();
    presence = singleNodePresence();
    const visibility = new ContactPresenceVisibility(store, channels);
    add = new AddContact(store, directory, presence, visibility, new TickingClock());
    list = new ListContacts(store, directory, presence, visibility);
    remove = new RemoveContact(store);
  });

  it('adds by any case of the email and answers the contact with its presence, where they let me see it', async () => {
    await presence.connected(jun.id, 's0');
    expect(await add.execute({ ownerId: mina.id, email: ' JUN@Example.com ' })).toEqual({ ...jun, online: false });
    await presence.connected(hana.id, 's1');
    await add.execute({ ownerId: hana.id, email: mina.email });
    expect(await add.execute({ ownerId: mina.id, email: hana.email })).toEqual({ ...hana, online: true });
  });

  it('refuses an unknown email, my own email and a second add', async () => {
    await expect(add.execute({ ownerId: mina.id, email: 'ghost@example.com' })).rejects.toBeInstanceOf(UnknownContactEmailError);
    await expect(add.execute({ ownerId: mina.id, email: 'MINA@example.com' })).rejects.toBeInstanceOf(CannotAddYourselfError);
    await add.execute({ ownerId: mina.id, email: jun.email });
    await expect(add.execute({ ownerId: mina.id, email: jun.email })).rejects.toBeInstanceOf(AlreadyAContactError);
    expect(await list.execute(mina.id)).toEqual([{ ...jun, online: false }]);
  });

  it('lists in the order of adding, with who is online now among those who keep me or share a channel with me', async () => {
    await add.execute({ ownerId: mina.id, email: jun.email });
    await add.execute({ ownerId: mina.id, email: hana.email });
    await presence.connected(jun.id, 's1');
    await presence.connected(hana.id, 's2');
    // Online, but neither keeps Mina nor shares a channel with her: offline to her.
    expect(await list.execute(mina.id)).toEqual([{ ...jun, online: false }, { ...hana, online: false }]);
    await add.execute({ ownerId: jun.id, email: mina.email });
    channels.channels.push([hana.id, mina.id, 'u-other']);
    expect(await list.execute(mina.id)).toEqual([{ ...jun, online: true }, { ...hana, online: true }]);
    await presence.disconnected(jun.id, 's1');
    expect(await list.execute(mina.id)).toEqual([{ ...jun, online: false }, { ...hana, online: true }]);
    expect(await list.execute(hana.id)).toEqual([]);
  });

  it('leaves out an entry whose account no longer exists', async () => {
    await add.execute({ ownerId: mina.id, email: jun.email });
    await add.execute({ ownerId: mina.id, email: hana.email });
    directory.users.splice(directory.users.indexOf(jun), 1);
    expect(await list.execute(mina.id)).toEqual([{ ...hana, online: false }]);
  });

  it('removes a contact once, then says it is not a contact', async () => {
    await add.execute({ ownerId: mina.id, email: jun.email });
    await remove.execute({ ownerId: mina.id, contactId: jun.id });
    expect(await list.execute(mina.id)).toEqual([]);
    await expect(remove.execute({ ownerId: mina.id, contactId: jun.id })).rejects.toBeInstanceOf(NotAContactError);
    await expect(remove.execute({ ownerId: jun.id, contactId: hana.id })).rejects.toBeInstanceOf(NotAContactError);
  });
});
