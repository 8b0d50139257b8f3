import { Clock, PasswordHasher } from '@webchat/platform/kernel';
import { ChannelView } from '../domain/channel';
import { ChannelNotFoundError, ChannelRuleError, WrongChannelPasswordError } from '../domain/channel.errors';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';

export class JoinChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly hasher: PasswordHasher,
    private readonly events: ChannelEvents,
    private readonly clock: Clock,
  ) {}

  /** Public: no password. Private: the right password (403 otherwise). Joining twice changes nothing. */
  async execute(userId: string, channelId: string, password?: string): Promise<ChannelView> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw new ChannelNotFoundError();
    const membership = await this.channels.findMembership(channelId, userId);
    if (channel.kind === 'DIRECT') {
      if (!membership) throw new ChannelNotFoundError();
      throw new ChannelRuleError('A direct channel cannot be joined');
    }
    if (membership) return channel;
    if (channel.isPrivate) {
      const matches = password !== undefined && (await this.hasher.verify(channel.passwordHash ?? '', password));
      if (!matches) throw new WrongChannelPasswordError();
    }
    const added = await this.channels.addMembers(channelId, [
      { channelId, userId, role: 'MEMBER', joinedAt: this.clock.now(), lastReadSeq: 0 },
    ]);
    if (added.length > 0) {
      await this.events.publish({ type: 'members.added', channelId, userIds: added, reason: 'JOINED' });
    }
    return (await this.channels.findById(channelId)) ?? channel;
  }
}
