import { Channel, directKeyOf } from '../../domain/channel';
import { ChannelNotFoundError, NotChannelMemberError } from '../../domain/channel.errors';
import { Membership } from '../../domain/membership';
import { ChannelStore } from './channel-store.port';

export interface ChannelStoreFixture {
  store: ChannelStore;
  /** Runs `work` in one transaction of the store's database (where another library's holdOpen runs). */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

let sequence = 0;
const nextId = () => `00000000-0000-4000-8000-${String((sequence += 1)).padStart(12, '0')}`;
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, second, 123));

function aGroup(overrides: Partial<Channel> = {}): Channel {
  return {
    id: nextId(),
    kind: 'GROUP',
    name: 'General',
    description: null,
    isPrivate: false,
    passwordHash: null,
    ownerId: 'owner',
    directKey: null,
    createdAt: at(0),
    ...overrides,
  };
}

function member(channelId: string, userId: string, second: number, role: Membership['role'] = 'MEMBER'): Membership {
  return { channelId, userId, role, joinedAt: at(second), lastReadSeq: 0 };
}

async function group(store: ChannelStore, overrides: Partial<Channel> = {}, owner = 'owner'): Promise<Channel> {
  const channel = aGroup({ ownerId: owner, ...overrides });
  await store.createGroup(channel, member(channel.id, owner, 0, 'OWNER'));
  return channel;
}

function aDirect(a: string, b: string): { channel: Channel; members: Membership[] } {
  const id = nextId();
  const channel: Channel = { ...aGroup({ id }), kind: 'DIRECT', name: null, isPrivate: true, ownerId: null, directKey: directKeyOf(a, b) };
  return { channel, members: [member(id, a, 0), member(id, b, 0)] };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signal(): { fired: Promise<void>; fire(): void } {
  let fire = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}

/** The expectations every ChannelStore adapter must meet; called once per adapter. */
export function channelStoreContract(open: () => Promise<ChannelStoreFixture>): void {
  let fixture: ChannelStoreFixture;
  let store: ChannelStore;
  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
  });
  afterEach(() => fixture.close());

  it('stores a group with its owner as first member', async () => {
    const channel = await group(store, { name: '등산 Club', description: 'Saturdays', isPrivate: true, passwordHash: 'hash' });
    expect(await store.findById(channel.id)).toEqual({ ...channel, memberCount: 1 });
    expect(await store.findMembership(channel.id, 'owner')).toEqual(member(channel.id, 'owner', 0, 'OWNER'));
    expect(await store.findMembership(channel.id, 'stranger')).toBeUndefined();
    expect(await store.findById('00000000-0000-4000-8000-999999999999')).toBeUndefined();
  });

  it('compares ids byte for byte: an id in another case is another id', async () => {
    const channel = await group(store, { id: `abcdef00-0000-4000-8000-${String((sequence += 1)).padStart(12, '0')}` }, 'owner-a');
    expect(await store.findById(channel.id.toUpperCase())).toBeUndefined();
    expect(await store.findMembership(channel.id, 'OWNER-A')).toBeUndefined();
    expect(await store.listForMember('OWNER-A')).toEqual([]);
    expect(await store.addMembers(channel.id, [member(channel.id, 'mixed-b', 1), member(channel.id, 'MIXED-B', 1)])).toEqual(['mixed-b', 'MIXED-B']);
    await expect(store.addMembers(channel.id.toUpperCase(), [member(channel.id, 'c', 1)])).rejects.toBeInstanceOf(ChannelNotFoundError);
    expect(await store.removeMember(channel.id.toUpperCase(), 'owner-a')).toEqual({ removed: false, channelDeleted: false });
    expect(await store.removeMember(channel.id, 'OWNER-A')).toEqual({ removed: false, channelDeleted: false });
    expect((await store.listMembers(channel.id)).map((m) => m.userId)).toEqual(['owner-a', 'MIXED-B', 'mixed-b']);
    const direct = aDirect('pair-x', 'pair-y');
    await store.openDirect(direct.channel, direct.members);
    const shouted = aDirect('PAIR-X', 'PAIR-Y');
    expect((await store.openDirect(shouted.channel, shouted.members)).created).toBe(true);
  });

  it('opens one direct channel per pair, whichever side opens it', async () => {
    const first = aDirect('alice', 'bob');
    const opened = await store.openDirect(first.channel, first.members);
    expect(opened).toEqual({ channel: { ...first.channel, memberCount: 2 }, created: true });
    const again = aDirect('bob', 'alice');
    expect(await store.openDirect(again.channel, again.members)).toEqual({ channel: { ...first.channel, memberCount: 2 }, created: false });
  });

  it('makes one direct channel of many concurrent openings', async () => {
    const attempts = Array.from({ length: 6 }, (_, i) => (i % 2 ? aDirect('carol', 'dave') : aDirect('dave', 'carol')));
    const results = await Promise.all(attempts.map(({ channel, members }) => store.openDirect(channel, members)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.channel.id)).size).toBe(1);
    expect(results.every((result) => result.channel.memberCount === 2)).toBe(true);
  });

  it('lists my channels only, the latest joined first, with my membership', async () => {
    const older = await group(store, { name: 'Older' }, 'me');
    const newer = await group(store, { name: 'Newer' });
    await store.addMembers(newer.id, [member(newer.id, 'me', 30)]);
    await group(store, { name: 'Not mine' });
    const mine = await store.listForMember('me');
    expect(mine.map((entry) => entry.channel.name)).toEqual(['Newer', 'Older']);
    expect(mine[0].channel.memberCount).toBe(2);
    expect(mine[0].membership).toEqual(member(newer.id, 'me', 30));
    expect(mine[1].membership.role).toBe('OWNER');
    expect(await store.listForMember('nobody')).toEqual([]);
    expect(older.id).toBe(mine[1].channel.id);
  });

  it('searches public groups only, by case-insensitive substring, Korean included, in name order', async () => {
    await group(store, { name: 'Seoul Runners' });
    await group(store, { name: 'seoul foodies' });
    await group(store, { name: '서울 러닝 크루' });
    await group(store, { name: 'Seoul secret', isPrivate: true, passwordHash: 'h' });
    const direct = aDirect('x', 'y');
    await store.openDirect(direct.channel, direct.members);
    expect((await store.searchPublic('SEOUL', 20)).map((c) => c.name)).toEqual(['seoul foodies', 'Seoul Runners']);
    expect((await store.searchPublic('러닝', 20)).map((c) => c.name)).toEqual(['서울 러닝 크루']);
    expect((await store.searchPublic('', 20)).map((c) => c.name)).toEqual(['seoul foodies', 'Seoul Runners', '서울 러닝 크루']);
    expect(await store.searchPublic('secret', 20)).toEqual([]);
    expect(await store.searchPublic('seoul', 1)).toHaveLength(1);
  });

  it('stores and finds a name of 100 characters that lower-cases to 200 (İ becomes i + U+0307)', async () => {
    const longest = 'İ'.repeat(100);
    const channel = await group(store, { name: longest });
    expect((await store.findById(channel.id))?.name).toBe(longest);
    expect((await store.searchPublic('İİ', 20)).map((c) => c.id)).toEqual([channel.id]);
    expect((await store.searchPublic('i̇', 20)).map((c) => c.id)).toEqual([channel.id]);
  });

  it('treats %, _ and ! in a search as plain characters', async () => {
    await group(store, { name: '100% fun' });
    await group(store, { name: '100 fun' });
    await group(store, { name: 'snake_case' });
    await group(store, { name: 'snakeXcase' });
    await group(store, { name: 'wow!' });
    expect((await store.searchPublic('0%', 20)).map((c) => c.name)).toEqual(['100% fun']);
    expect((await store.searchPublic('e_c', 20)).map((c) => c.name)).toEqual(['snake_case']);
    expect((await store.searchPublic('w!', 20)).map((c) => c.name)).toEqual(['wow!']);
  });

  it('adds only new members and says whom it added', async () => {
    const channel = await group(store);
    expect(await store.addMembers(channel.id, [member(channel.id, 'a', 1), member(channel.id, 'owner', 1)])).toEqual(['a']);
    expect(await store.addMembers(channel.id, [member(channel.id, 'a', 2), member(channel.id, 'b', 2)])).toEqual(['b']);
    expect((await store.findById(channel.id))?.memberCount).toBe(3);
    await expect(store.addMembers('00000000-0000-4000-8000-999999999999', [member('x', 'a', 1)])).rejects.toBeInstanceOf(ChannelNotFoundError);
  });

  it('invites on behalf of a member, answering who was added and the members under the same lock', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'inviter', 1)]);
    expect(await store.invite(channel.id, 'inviter', [member(channel.id, 'guest', 2), member(channel.id, 'owner', 2)])).toEqual({
      added: ['guest'],
      members: [member(channel.id, 'owner', 0, 'OWNER'), member(channel.id, 'inviter', 1), member(channel.id, 'guest', 2)],
    });
    await expect(store.invite('00000000-0000-4000-8000-999999999999', 'inviter', [member('x', 'guest', 1)])).rejects.toBeInstanceOf(ChannelNotFoundError);
  });

  it('refuses an invite by someone who is not (or no longer) a member, adding nobody', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'leaver', 1)]);
    await store.removeMember(channel.id, 'leaver');
    for (const inviter of ['leaver', 'stranger']) {
      await expect(store.invite(channel.id, inviter, [member(channel.id, 'guest', 2)])).rejects.toBeInstanceOf(NotChannelMemberError);
    }
    expect(await store.findMembership(channel.id, 'guest')).toBeUndefined();
  });

  it('orders an inviter\'s invite and leave sent at once: the invite either sees them a member or adds nobody', async () => {
    for (let round = 0; round < 10; round += 1) {
      const channel = await group(store);
      await store.addMembers(channel.id, [member(channel.id, 'inviter', 1)]);
      const [invited, left] = await Promise.allSettled([
        store.invite(channel.id, 'inviter', [member(channel.id, 'guest', 2)]),
        store.removeMember(channel.id, 'inviter'),
      ]);
      expect(left).toEqual({ status: 'fulfilled', value: { removed: true, channelDeleted: false } });
      const guestIsMember = (await store.findMembership(channel.id, 'guest')) !== undefined;
      if (invited.status === 'fulfilled') {
        expect(invited.value.members.map((m) => m.userId)).toEqual(['owner', 'inviter', 'guest']);
        expect(guestIsMember).toBe(true);
      } else {
        expect(invited.reason).toBeInstanceOf(NotChannelMemberError);
        expect(guestIsMember).toBe(false);
      }
    }
  });

  it('makes one membership of concurrent joins by one user', async () => {
    const channel = await group(store);
    const added = await Promise.all(Array.from({ length: 6 }, () => store.addMembers(channel.id, [member(channel.id, 'eager', 5)])));
    expect(added.flat()).toEqual(['eager']);
    expect((await store.listMembers(channel.id)).map((m) => m.userId)).toEqual(['owner', 'eager']);
  });

  it('hands ownership to the longest-standing member when the owner leaves', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'late', 20)]);
    await store.addMembers(channel.id, [member(channel.id, 'early', 10)]);
    expect(await store.removeMember(channel.id, 'owner')).toEqual({ removed: true, channelDeleted: false, newOwnerId: 'early' });
    expect((await store.findById(channel.id))?.ownerId).toBe('early');
    expect((await store.findMembership(channel.id, 'early'))?.role).toBe('OWNER');
    expect(await store.removeMember(channel.id, 'late')).toEqual({ removed: true, channelDeleted: false });
    expect((await store.findById(channel.id))?.ownerId).toBe('early');
  });

  it('deletes a channel when its last member leaves, and ignores a leave by a non-member', async () => {
    const channel = await group(store);
    expect(await store.removeMember(channel.id, 'stranger')).toEqual({ removed: false, channelDeleted: false });
    expect(await store.removeMember(channel.id, 'owner')).toEqual({ removed: true, channelDeleted: true });
    expect(await store.findById(channel.id)).toBeUndefined();
    expect(await store.listMembers(channel.id)).toEqual([]);
    expect(await store.listForMember('owner')).toEqual([]);
    expect(await store.removeMember(channel.id, 'owner')).toEqual({ removed: false, channelDeleted: false });
  });

  it('deletes the channel exactly once when every member leaves at the same moment', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, ['a', 'b', 'c', 'd'].map((id, i) => member(channel.id, id, i + 1)));
    const outcomes = await Promise.all(['owner', 'a', 'b', 'c', 'd'].map((id) => store.removeMember(channel.id, id)));
    expect(outcomes.every((outcome) => outcome.removed)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.channelDeleted)).toHaveLength(1);
    expect(await store.findById(channel.id)).toBeUndefined();
  });

  it('asks beforeDelete only when the leave would delete the channel; what it throws undoes the leave', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'guest', 1)]);
    const asked: string[] = [];
    const refuse = async () => {
      asked.push('asked');
      throw new Error('holds money');
    };
    expect(await store.removeMember(channel.id, 'guest', { beforeDelete: refuse })).toEqual({ removed: true, channelDeleted: false });
    expect(asked).toEqual([]);
    await expect(store.removeMember(channel.id, 'owner', { beforeDelete: refuse })).rejects.toThrow('holds money');
    expect(asked).toEqual(['asked']);
    expect(await store.findById(channel.id)).toEqual({ ...channel, memberCount: 1 });
    expect((await store.findMembership(channel.id, 'owner'))?.role).toBe('OWNER');
    expect(await store.removeMember(channel.id, 'owner', { beforeDelete: () => Promise.resolve() })).toEqual({ removed: true, channelDeleted: true });
  });

  it('tells afterLeave the owner after the leave, when the channel stays; what it throws undoes the leave', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'early', 1), member(channel.id, 'late', 2)]);
    const owners: string[] = [];
    const afterLeave = async (ownerId: string) => void owners.push(ownerId);
    await expect(store.removeMember(channel.id, 'late', { afterLeave: () => Promise.reject(new Error('hand-over failed')) })).rejects.toThrow('hand-over failed');
    expect(await store.findMembership(channel.id, 'late')).toBeDefined();
    await store.removeMember(channel.id, 'late', { afterLeave });
    await store.removeMember(channel.id, 'owner', { afterLeave });
    expect(owners).toEqual(['owner', 'early']);
    await store.removeMember(channel.id, 'early', { afterLeave });
    expect(owners).toEqual(['owner', 'early']);
  });

  it('holds a channel open inside a transaction, and says when it is gone', async () => {
    const channel = await group(store);
    expect(await fixture.inTransaction(() => store.holdOpen(channel.id))).toBe(true);
    await store.removeMember(channel.id, 'owner');
    expect(await fixture.inTransaction(() => store.holdOpen(channel.id))).toBe(false);
    expect(await fixture.inTransaction(() => store.holdOpen(nextId()))).toBe(false);
  });

  it('makes the last leave wait for a transaction holding the channel open, and see what it wrote', async () => {
    const channel = await group(store);
    const events: string[] = [];
    const held = signal();
    const holder = fixture.inTransaction(async () => {
      events.push(`held ${await store.holdOpen(channel.id)}`);
      held.fire();
      await pause(60);
      events.push('holder commits');
    });
    await held.fired;
    const leave = store.removeMember(channel.id, 'owner', {
      beforeDelete: async () => {
        events.push('leave checks');
      },
    });
    await Promise.all([holder, leave]);
    expect(events).toEqual(['held true', 'holder commits', 'leave checks']);
    expect(await store.findById(channel.id)).toBeUndefined();
  });

  it('makes a holder that comes while the last leave checks wait, then find the channel gone', async () => {
    const channel = await group(store);
    const checking = signal();
    const leave = store.removeMember(channel.id, 'owner', {
      beforeDelete: async () => {
        checking.fire();
        await pause(60);
      },
    });
    await checking.fired;
    const holding = fixture.inTransaction(() => store.holdOpen(channel.id));
    expect(await leave).toEqual({ removed: true, channelDeleted: true });
    expect(await holding).toBe(false);
  });

  it('keeps the read mark a new member starts with', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [{ ...member(channel.id, 'late', 1), lastReadSeq: 42 }]);
    expect((await store.findMembership(channel.id, 'late'))?.lastReadSeq).toBe(42);
  });

  it('advances a read mark only forward, one member at a time, and says whether it moved', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'reader', 1)]);
    expect(await store.advanceReadMark(channel.id, 'reader', 5)).toEqual({ moved: true });
    expect(await store.advanceReadMark(channel.id, 'reader', 5)).toEqual({ moved: false });
    expect(await store.advanceReadMark(channel.id, 'reader', 3)).toEqual({ moved: false });
    expect((await store.findMembership(channel.id, 'reader'))?.lastReadSeq).toBe(5);
    expect(await store.advanceReadMark(channel.id, 'reader', 2 ** 40)).toEqual({ moved: true });
    expect((await store.findMembership(channel.id, 'reader'))?.lastReadSeq).toBe(2 ** 40);
    expect((await store.findMembership(channel.id, 'owner'))?.lastReadSeq).toBe(0);
  });

  it('answers no advance for a non-member or an unknown channel, changing nothing', async () => {
    const channel = await group(store);
    expect(await store.advanceReadMark(channel.id, 'stranger', 3)).toBeUndefined();
    expect(await store.advanceReadMark('00000000-0000-4000-8000-999999999999', 'owner', 3)).toBeUndefined();
    expect(await store.findMembership(channel.id, 'stranger')).toBeUndefined();
  });

  it('advances many read marks at once, forward only, skipping non-members', async () => {
    const channel = await group(store);
    const other = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'reader', 1)]);
    await store.advanceReadMark(channel.id, 'reader', 10);
    await store.advanceReadMarks([
      { channelId: channel.id, userId: 'owner', seq: 4 },
      { channelId: channel.id, userId: 'reader', seq: 6 },
      { channelId: other.id, userId: 'owner', seq: 2 },
      { channelId: channel.id, userId: 'stranger', seq: 9 },
    ]);
    expect((await store.findMembership(channel.id, 'owner'))?.lastReadSeq).toBe(4);
    expect((await store.findMembership(channel.id, 'reader'))?.lastReadSeq).toBe(10);
    expect((await store.findMembership(other.id, 'owner'))?.lastReadSeq).toBe(2);
    expect(await store.findMembership(channel.id, 'stranger')).toBeUndefined();
    await expect(store.advanceReadMarks([])).resolves.toBeUndefined();
  });

  it('reads every member\'s read mark of one channel, lowest first', async () => {
    const channel = await group(store);
    const other = await group(store);
    await store.addMembers(channel.id, [{ ...member(channel.id, 'b', 1), lastReadSeq: 9 }, { ...member(channel.id, 'a', 2), lastReadSeq: 3 }]);
    await store.advanceReadMark(channel.id, 'owner', 5);
    expect(await store.readMarksOf(channel.id)).toEqual([
      { userId: 'a', lastReadSeq: 3 },
      { userId: 'owner', lastReadSeq: 5 },
      { userId: 'b', lastReadSeq: 9 },
    ]);
    expect(await store.readMarksOf(other.id)).toEqual([{ userId: 'owner', lastReadSeq: 0 }]);
    expect(await store.readMarksOf('00000000-0000-4000-8000-999999999999')).toEqual([]);
  });

  it('leaves the highest of concurrent read-mark advances', async () => {
    const channel = await group(store);
    const seqs = [7, 3, 9, 1, 8, 2];
    const outcomes = await Promise.all(seqs.map((seq) => store.advanceReadMark(channel.id, 'owner', seq)));
    expect(outcomes.filter((outcome) => outcome?.moved).length).toBeGreaterThanOrEqual(1);
    expect((await store.findMembership(channel.id, 'owner'))?.lastReadSeq).toBe(9);
  });

  it('answers the peers of a user across all their channels, each once, byte for byte, optionally among some', async () => {
    const [mia, bo, cy, di, eve] = ['peer-mia', 'peer-bo', 'peer-cy', 'peer-di', 'peer-eve'];
    const first = await group(store, {}, mia);
    await store.addMembers(first.id, [member(first.id, bo, 1), member(first.id, cy, 2)]);
    const second = await group(store, {}, bo);
    await store.addMembers(second.id, [member(second.id, mia, 1), member(second.id, di, 2)]);
    const direct = aDirect(mia, 'PEER-EVE');
    await store.openDirect(direct.channel, direct.members);
    const elsewhere = await group(store, {}, eve);
    await store.addMembers(elsewhere.id, [member(elsewhere.id, cy, 1)]);

    expect((await store.peersOf(mia)).sort()).toEqual([bo, cy, di, 'PEER-EVE'].sort());
    expect((await store.peersOf(eve)).sort()).toEqual([cy]);
    expect((await store.peersOf(mia, [eve, bo, di, bo, 'stranger', mia])).sort()).toEqual([bo, di].sort());
    expect(await store.peersOf(mia, [])).toEqual([]);
    expect(await store.peersOf('stranger')).toEqual([]);
    await store.removeMember(second.id, di);
    expect((await store.peersOf(mia, [di, cy])).sort()).toEqual([cy]);
  });

  it('lists members in joining order', async () => {
    const channel = await group(store);
    await store.addMembers(channel.id, [member(channel.id, 'z', 3), member(channel.id, 'y', 3)]);
    await store.addMembers(channel.id, [member(channel.id, 'x', 9)]);
    expect((await store.listMembers(channel.id)).map((m) => m.userId)).toEqual(['owner', 'y', 'z', 'x']);
  });
}
