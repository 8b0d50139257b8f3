import { Contact } from '../../domain/contact';
import { AlreadyAContactError } from '../../domain/contact.errors';
import { ContactStore } from './contact-store.port';

export interface ContactStoreFixture {
  store: ContactStore;
  close(): Promise<void>;
}

let counter = 0;
/** A fresh user id (a UUID, like the real ones). */
function anId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

const T0 = Date.parse('2026-11-23T10:20:30.123Z');
function entry(ownerId: string, contactId: string, offsetMs = 0): Contact {
  return { ownerId, contactId, createdAt: new Date(T0 + offsetMs) };
}

/** The expectations every ContactStore adapter must meet; called once per adapter. */
export function contactStoreContract(open: () => Promise<ContactStoreFixture>): void {
  let fixture: ContactStoreFixture;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    await fixture.close();
  });

  it('lists an owner\'s entries oldest first, field for field (milliseconds kept)', async () => {
    const [owner, a, b, c] = [anId(), anId(), anId(), anId()];
    // Added out of id order, so the order must come from createdAt.
    await fixture.store.add(entry(owner, c, 0));
    await fixture.store.add(entry(owner, a, 1));
    await fixture.store.add(entry(owner, b, 2));
    expect(await fixture.store.listByOwner(owner)).toEqual([entry(owner, c, 0), entry(owner, a, 1), entry(owner, b, 2)]);
  });

  it('breaks createdAt ties by contactId', async () => {
    const [owner, a, b] = [anId(), anId(), anId()];
    await fixture.store.add(entry(owner, b));
    await fixture.store.add(entry(owner, a));
    expect((await fixture.store.listByOwner(owner)).map((contact) => contact.contactId)).toEqual([a, b]);
  });

  it('answers an empty list for an owner without entries', async () => {
    expect(await fixture.store.listByOwner(anId())).toEqual([]);
  });

  it('refuses the same pair twice and keeps the first entry', async () => {
    const [owner, friend] = [anId(), anId()];
    await fixture.store.add(entry(owner, friend));
    await expect(fixture.store.add(entry(owner, friend, 5))).rejects.toBeInstanceOf(AlreadyAContactError);
    expect(await fixture.store.listByOwner(owner)).toEqual([entry(owner, friend)]);
  });

  it('compares ids byte for byte: an id in another case is another id', async () => {
    const [owner, friend] = [anId().replace(/^0{6}/, 'abcdef'), anId().replace(/^0{6}/, 'abcdef')];
    await fixture.store.add(entry(owner, friend));
    await fixture.store.add(entry(owner, friend.toUpperCase(), 1));
    expect(await fixture.store.listByOwner(owner.toUpperCase())).toEqual([]);
    expect(await fixture.store.remove(owner.toUpperCase(), friend)).toBe(false);
    expect(await fixture.store.remove(owner, friend.toUpperCase())).toBe(true);
    expect(await fixture.store.listByOwner(owner)).toEqual([entry(owner, friend)]);
  });

  it('lets exactly one of many concurrent adds of one pair through', async () => {
    const [owner, friend] = [anId(), anId()];
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => fixture.store.add(entry(owner, friend, i))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(7);
    for (const result of rejected) expect(result.reason).toBeInstanceOf(AlreadyAContactError);
    expect(await fixture.store.listByOwner(owner)).toHaveLength(1);
  });

  it('keeps lists one-way and per owner', async () => {
    const [mina, jun, hana] = [anId(), anId(), anId()];
    await fixture.store.add(entry(mina, jun));
    await fixture.store.add(entry(hana, jun));
    await fixture.store.add(entry(jun, mina));
    expect(await fixture.store.listByOwner(mina)).toEqual([entry(mina, jun)]);
    expect(await fixture.store.listByOwner(hana)).toEqual([entry(hana, jun)]);
    expect(await fixture.store.listByOwner(jun)).toEqual([entry(jun, mina)]);
  });

  it('answers which owners keep a contact, reading lists backwards (one-way, removals seen)', async () => {
    const [mina, jun, hana, ora] = [anId(), anId(), anId(), anId()];
    await fixture.store.add(entry(jun, mina));
    await fixture.store.add(entry(hana, mina));
    await fixture.store.add(entry(mina, ora));
    await fixture.store.add(entry(ora, jun));
    expect(await fixture.store.ownersKeeping(mina, [jun, hana, ora, jun])).toEqual(new Set([jun, hana]));
    expect(await fixture.store.ownersKeeping(ora, [jun, hana])).toEqual(new Set());
    expect(await fixture.store.ownersKeeping(ora, [mina])).toEqual(new Set([mina]));
    expect(await fixture.store.ownersKeeping(mina, [])).toEqual(new Set());
    await fixture.store.remove(hana, mina);
    expect(await fixture.store.ownersKeeping(mina, [jun, hana])).toEqual(new Set([jun]));
  });

  it('removes exactly the one entry, answering true once and then false', async () => {
    const [mina, jun, hana] = [anId(), anId(), anId()];
    await fixture.store.add(entry(mina, jun));
    await fixture.store.add(entry(mina, hana, 1));
    await fixture.store.add(entry(jun, mina));
    expect(await fixture.store.remove(mina, jun)).toBe(true);
    expect(await fixture.store.remove(mina, jun)).toBe(false);
    expect(await fixture.store.remove(hana, mina)).toBe(false);
    expect(await fixture.store.listByOwner(mina)).toEqual([entry(mina, hana, 1)]);
    expect(await fixture.store.listByOwner(jun)).toEqual([entry(jun, mina)]);
  });

  it("removes all of a user's entries, in both directions, and no one else's", async () => {
    const [gone, jun, hana] = [anId(), anId(), anId()];
    await fixture.store.add(entry(gone, jun));
    await fixture.store.add(entry(jun, gone, 1));
    await fixture.store.add(entry(hana, gone, 2));
    await fixture.store.add(entry(jun, hana, 3));
    await fixture.store.removeAllOf(gone);
    expect(await fixture.store.listByOwner(gone)).toEqual([]);
    expect(await fixture.store.listByOwner(jun)).toEqual([entry(jun, hana, 3)]);
    expect(await fixture.store.listByOwner(hana)).toEqual([]);
    expect(await fixture.store.ownersKeeping(gone, [jun, hana])).toEqual(new Set());
  });

  it('accepts a pair again after it was removed', async () => {
    const [owner, friend] = [anId(), anId()];
    await fixture.store.add(entry(owner, friend));
    await fixture.store.remove(owner, friend);
    await fixture.store.add(entry(owner, friend, 9));
    expect(await fixture.store.listByOwner(owner)).toEqual([entry(owner, friend, 9)]);
  });
}
