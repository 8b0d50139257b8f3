import { Clock, PasswordHasher, RateLimiter } from '@webchat/platform/kernel';
import { ChannelView } from '../domain/channel';
import { ChannelNotFoundError, ChannelRuleError, WrongChannelPasswordError } from '../domain/channel.errors';
import { ChannelActivity } from './ports/channel-activity.port';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';
import { MembershipNotices } from './ports/membership-notices.port';

export class JoinChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly hasher: PasswordHasher,
    private readonly events: ChannelEvents,
    private readonly clock: Clock,
    private readonly limits: RateLimiter,
    private readonly activity: ChannelActivity,
    private readonly notices: MembershipNotices,
  ) {}

  /**
   * Public: no password. Private: the right password (403 otherwise); wrong passwords are
   * counted per user and channel, and past the limit every attempt is refused (429) until the
   * window ends, before the password is checked. Joining twice changes nothing. The new
   * member's read mark starts at the channel's last message: history is not unread. The join
   * notice comes after it (and is never unread either).
   */
  async execute(userId: string, channelId: string, password?: string): Promise<ChannelView> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw new ChannelNotFoundError();
    const membership = await this.channels.findMembership(channelId, userId);
    if (channel.kind === 'DIRECT') {
      if (!membership) throw new ChannelNotFoundError();
      throw new ChannelRuleError('A direct channel cannot be joined');
    }
    if (membership) return channel;
    if (channel.isPrivate) await this.checkPassword(userId, channel, password);
    const lastReadSeq = await this.activity.lastSeq(channelId);
    const added = await this.channels.addMembers(channelId, [
      { channelId, userId, role: 'MEMBER', joinedAt: this.clock.now(), lastReadSeq },
    ]);
    if (added.length > 0) {
      await this.events.publish({ type: 'members.added', channelId, userIds: added, reason: 'JOINED' });
      await this.notices.joined(channelId, userId);
    }
    return (await this.channels.findById(channelId)) ?? channel;
  }

  private async checkPassword(userId: string, channel: ChannelView, password: string | undefined): Promise<void> {
    if (password === undefined) throw new WrongChannelPasswordError();
    const attempts = `${userId}:${channel.id}`;
    await this.limits.ensureAvailable('channel-password-failures', attempts);
    if (await this.hasher.verify(channel.passwordHash ?? '', password)) return;
    await this.limits.consume('channel-password-failures', attempts);
    throw new WrongChannelPasswordError();
  }
}
