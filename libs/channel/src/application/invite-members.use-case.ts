import { Clock } from '@webchat/platform/kernel';
import { isVisibleTo } from '../domain/channel';
import { ChannelNotFoundError, ChannelRuleError, NotChannelMemberError, UnknownUsersError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { MemberView, MemberViews } from './member-views';
import { ChannelActivity } from './ports/channel-activity.port';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';
import { ChannelUserDirectory } from './ports/channel-user-directory.port';
import { MembershipNotices } from './ports/membership-notices.port';

export class InviteMembers {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
    private readonly users: ChannelUserDirectory,
    private readonly views: MemberViews,
    private readonly events: ChannelEvents,
    private readonly clock: Clock,
    private readonly activity: ChannelActivity,
    private readonly notices: MembershipNotices,
  ) {}

  /**
   * Members may invite; every listed user must exist (else nobody is added); a channel password
   * does not apply. The inviter's membership is checked again by the store under the lock that
   * adds the invitees, so an inviter who leaves meanwhile adds nobody. Invitees' read marks
   * start at the channel's last message.
   */
  async execute(userId: string, channelId: string, userIds: readonly string[]): Promise<MemberView[]> {
    const { channel } = await this.access.asMember(userId, channelId);
    if (channel.kind === 'DIRECT') throw new ChannelRuleError('Nobody can be invited into a direct channel');
    const wanted = [...new Set(userIds)];
    const found = new Set((await this.users.findByIds(wanted)).map((user) => user.id));
    const unknown = wanted.filter((id) => !found.has(id));
    if (unknown.length > 0) throw new UnknownUsersError(unknown);
    const joinedAt = this.clock.now();
    const lastReadSeq = await this.activity.lastSeq(channelId);
    const outcome = await this.channels
      .invite(channelId, userId, wanted.map((id) => ({ channelId, userId: id, role: 'MEMBER' as const, joinedAt, lastReadSeq })))
      .catch((error: unknown) => {
        // The inviter left meanwhile: now a non-member, who does not see a private channel.
        if (error instanceof NotChannelMemberError && !isVisibleTo(channel, false)) throw new ChannelNotFoundError();
        throw error;
      });
    if (outcome.added.length > 0) {
      await this.events.publish({ type: 'members.added', channelId, userIds: outcome.added, reason: 'INVITED' });
      await this.notices.invited(channelId, userId, outcome.added);
    }
    return this.views.of(outcome.members, userId);
  }
}
