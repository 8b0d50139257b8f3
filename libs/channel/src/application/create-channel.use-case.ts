import { Clock, IdGenerator, PasswordHasher } from '@webchat/platform/kernel';
import { Channel, ChannelView } from '../domain/channel';
import { ChannelRuleError } from '../domain/channel.errors';
import { ChannelEvents } from './ports/channel-events.port';
import { ChannelStore } from './ports/channel-store.port';

export interface CreateChannelCommand {
  userId: string;
  name: string;
  description?: string;
  isPrivate?: boolean;
  password?: string;
}

export class CreateChannel {
  constructor(
    private readonly channels: ChannelStore,
    private readonly hasher: PasswordHasher,
    private readonly events: ChannelEvents,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** The creator becomes its OWNER and first member. */
  async execute(command: CreateChannelCommand): Promise<ChannelView> {
    const isPrivate = command.isPrivate ?? false;
    if (isPrivate && command.password === undefined) throw new ChannelRuleError('A private channel needs a password');
    if (!isPrivate && command.password !== undefined) throw new ChannelRuleError('A public channel takes no password');
    const now = this.clock.now();
    const channel: Channel = {
      id: this.ids.next(),
      kind: 'GROUP',
      name: command.name.trim(),
      description: command.description?.trim() || null,
      isPrivate,
      passwordHash: isPrivate ? await this.hasher.hash(command.password as string) : null,
      ownerId: command.userId,
      directKey: null,
      createdAt: now,
    };
    await this.channels.createGroup(channel, {
      channelId: channel.id,
      userId: command.userId,
      role: 'OWNER',
      joinedAt: now,
      lastReadSeq: 0,
    });
    await this.events.publish({ type: 'members.added', channelId: channel.id, userIds: [command.userId], reason: 'CREATED' });
    return { ...channel, memberCount: 1 };
  }
}
