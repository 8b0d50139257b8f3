import { randomUUID } from 'node:crypto';
import { describeOnMysql, singleNodePresence, TestDatabase, typeormStoreFixture } from '@webchat/platform/testing';
import { NoChannelActivity } from '../adapters/out/activity/no-channel-activity.adapter';
import { NoMembershipNotices } from '../adapters/out/notices/no-membership-notices.adapter';
import { channelPersistence } from '../adapters/out/typeorm/channel-persistence';
import { TypeormChannelStore } from '../adapters/out/typeorm/typeorm-channel-store.adapter';
import { Channel } from '../domain/channel';
import { ChannelEvent } from '../domain/channel-event';
import { ChannelNotFoundError, NotChannelMemberError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { InviteMembers } from './invite-members.use-case';
import { MemberViews } from './member-views';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';
import { ChannelUser, ChannelUserDirectory } from './ports/channel-user-directory.port';
import { OwnPresenceOnly } from '../adapters/out/visibility/own-presence-only.adapter';

/** Every id is an account; `beforeNextLookup` runs once, between the use case's membership check and its write. */
class InterleavingDirectory extends ChannelUserDirectory {
  beforeNextLookup?: () => Promise<unknown>;

  async findByIds(ids: readonly string[]): Promise<ChannelUser[]> {
    const interleave = this.beforeNextLookup;
    this.beforeNextLookup = undefined;
    await interleave?.();
    return ids.map((id) => ({ id, username: id.slice(0, 4) }));
  }
}

class RecordedEvents extends ChannelEvents {
  readonly published: ChannelEvent[] = [];
  async publish(event: ChannelEvent): Promise<void> {
    this.published.push(event);
  }
}

function inviteRace(kind: TestDatabase): void {
  const open = typeormStoreFixture(kind, [channelPersistence], (dataSource, transactions) => new TypeormChannelStore(dataSource, transactions));
  let fixture: Awaited<ReturnType<typeof open>>;
  let store: ChannelStore;
  let directory: InterleavingDirectory;
  let events: RecordedEvents;
  let invite: InviteMembers;
  const [owner, inviter, guest] = [randomUUID(), randomUUID(), randomUUID()];

  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
    directory = new InterleavingDirectory();
    events = new RecordedEvents();
    invite = new InviteMembers(store, new ChannelAccess(store), directory, new MemberViews(directory, singleNodePresence(), new OwnPresenceOnly()), events, {
      now: () => new Date(),
    }, new NoChannelActivity(), new NoMembershipNotices());
  });
  afterEach(() => fixture.close());

  async function channelWithInviter(isPrivate: boolean): Promise<Channel> {
    const channel: Channel = {
      id: randomUUID(),
      kind: 'GROUP',
      name: 'Race',
      description: null,
      isPrivate,
      passwordHash: isPrivate ? 'hash' : null,
      ownerId: owner,
      directKey: null,
      createdAt: new Date(),
    };
    await store.createGroup(channel, { channelId: channel.id, userId: owner, role: 'OWNER', joinedAt: new Date(1000), lastReadSeq: 0 });
    await store.addMembers(channel.id, [{ channelId: channel.id, userId: inviter, role: 'MEMBER', joinedAt: new Date(2000), lastReadSeq: 0 }]);
    return channel;
  }

  it.each([
    ['public', false, NotChannelMemberError],
    ['private', true, ChannelNotFoundError],
  ])('adds nobody when the inviter leaves a %s channel after the membership check', async (_kind, isPrivate, refusal) => {
    const channel = await channelWithInviter(isPrivate);
    directory.beforeNextLookup = () => store.removeMember(channel.id, inviter);
    await expect(invite.execute(inviter, channel.id, [guest])).rejects.toBeInstanceOf(refusal);
    expect(await store.findMembership(channel.id, guest)).toBeUndefined();
    expect((await store.listMembers(channel.id)).map((member) => member.userId)).toEqual([owner]);
    expect(events.published).toEqual([]);
  });

  it('answers the members as of the invite, the inviter among them', async () => {
    const channel = await channelWithInviter(false);
    const members = await invite.execute(inviter, channel.id, [guest]);
    expect(members.map((member) => member.id)).toEqual([owner, inviter, guest]);
    expect(events.published).toEqual([{ type: 'members.added', channelId: channel.id, userIds: [guest], reason: 'INVITED' }]);
  });
}

describe('InviteMembers racing the inviter\'s leave [sqlite]', () => inviteRace('sqlite'));
describeOnMysql('InviteMembers racing the inviter\'s leave', () => inviteRace('mysql'));
