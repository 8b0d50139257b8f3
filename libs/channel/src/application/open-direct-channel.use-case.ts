import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { ChannelView, directKeyOf } from '../domain/channel';
import { ChannelRuleError, UnknownUsersError } from '../domain/channel.errors';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';
import { ChannelUserDirectory } from './ports/channel-user-directory.port';

export class OpenDirectChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly users: ChannelUserDirectory,
    private readonly events: ChannelEvents,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** The same channel for the same pair every time, whoever opens it, also when both open it at once. */
  async execute(userId: string, otherUserId: string): Promise<{ channel: ChannelView; created: boolean }> {
    if (userId === otherUserId) throw new ChannelRuleError('A direct channel needs another user');
    if ((await this.users.findByIds([otherUserId])).length === 0) throw new UnknownUsersError([otherUserId]);
    const now = this.clock.now();
    const channelId = this.ids.next();
    const result = await this.channels.openDirect(
      {
        id: channelId,
        kind: 'DIRECT',
        name: null,
        description: null,
        isPrivate: true,
        passwordHash: null,
        ownerId: null,
        directKey: directKeyOf(userId, otherUserId),
        createdAt: now,
      },
      [userId, otherUserId].map((id) => ({ channelId, userId: id, role: 'MEMBER' as const, joinedAt: now, lastReadSeq: 0 })),
    );
    if (result.created) {
      await this.events.publish({
        type: 'members.added',
        channelId: result.channel.id,
        userIds: [userId, otherUserId],
        reason: 'DIRECT_OPENED',
      });
    }
    return result;
  }
}
