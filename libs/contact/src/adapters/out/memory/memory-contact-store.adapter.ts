import { ContactStore } from '../../../application/ports/contact-store.port';
import { Contact } from '../../../domain/contact';
import { AlreadyAContactError } from '../../../domain/contact.errors';

/** ContactStore in a Map, for use-case unit tests; held to the same contract as the SQL store. */
export class MemoryContactStore extends ContactStore {
  private readonly byPair = new Map<string, Contact>();

  async add(contact: Contact): Promise<void> {
    const key = pairKey(contact.ownerId, contact.contactId);
    if (this.byPair.has(key)) throw new AlreadyAContactError();
    this.byPair.set(key, { ...contact });
  }

  async listByOwner(ownerId: string): Promise<Contact[]> {
    return [...this.byPair.values()]
      .filter((contact) => contact.ownerId === ownerId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || compare(a.contactId, b.contactId));
  }

  async ownersKeeping(contactId: string, ownerIds: readonly string[]): Promise<Set<string>> {
    return new Set(ownerIds.filter((ownerId) => this.byPair.has(pairKey(ownerId, contactId))));
  }

  async remove(ownerId: string, contactId: string): Promise<boolean> {
    return this.byPair.delete(pairKey(ownerId, contactId));
  }

  async removeAllOf(userId: string): Promise<void> {
    for (const [key, contact] of this.byPair) if (contact.ownerId === userId || contact.contactId === userId) this.byPair.delete(key);
  }
}

function pairKey(ownerId: string, contactId: string): string {
  return JSON.stringify([ownerId, contactId]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
