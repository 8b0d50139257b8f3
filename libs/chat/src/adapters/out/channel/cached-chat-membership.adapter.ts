import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ChannelEvent, CHANNEL_EVENTS_TOPIC, ChannelMemberIds } from '@webchat/channel';
import { EventBus } from '@webchat/platform';
import { ChatMembership } from '../../../application/ports/chat-membership.port';

/**
 * Channel members kept in memory: a channel's members are read once, on its first send,
 * then kept current by the membership events every node receives. A "no" is checked
 * against the store once more, since the event of a join made a moment ago on another
 * node may still be on its way; only non-members pay that read, and the send rate limit
 * bounds it. An event that arrives while a channel is being read marks the read stale.
 */
@Injectable()
export class CachedChatMembership extends ChatMembership implements OnModuleDestroy {
  private readonly members = new Map<string, Set<string>>();
  private readonly loading = new Map<string, { promise: Promise<Set<string>>; stale: boolean }>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly memberIds: ChannelMemberIds,
    bus: EventBus,
  ) {
    super();
    this.unsubscribe = bus.subscribe<ChannelEvent>(CHANNEL_EVENTS_TOPIC, (event) => this.apply(event));
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    if (this.members.get(channelId)?.has(userId)) return true;
    return (await this.load(channelId)).has(userId);
  }

  async membersOf(channelId: string): Promise<ReadonlySet<string>> {
    return this.members.get(channelId) ?? (await this.load(channelId));
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private async load(channelId: string): Promise<Set<string>> {
    const running = this.loading.get(channelId);
    if (running) return running.promise;
    const entry = { promise: this.read(channelId), stale: false };
    this.loading.set(channelId, entry);
    try {
      const members = await entry.promise;
      if (!entry.stale) this.members.set(channelId, members);
      return members;
    } finally {
      this.loading.delete(channelId);
    }
  }

  private async read(channelId: string): Promise<Set<string>> {
    return new Set(await this.memberIds.ofChannel(channelId));
  }

  private apply(event: ChannelEvent): void {
    const loading = this.loading.get(event.channelId);
    if (loading) loading.stale = true;
    const members = this.members.get(event.channelId);
    if (!members) return;
    if (event.type === 'members.added') for (const userId of event.userIds) members.add(userId);
    else if (event.type === 'member.removed') members.delete(event.userId);
    else this.members.delete(event.channelId);
  }
}
