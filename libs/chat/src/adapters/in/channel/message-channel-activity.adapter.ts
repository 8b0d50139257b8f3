import { Injectable } from '@nestjs/common';
import { ChannelActivity, ChannelActivitySummary, MemberReadPosition } from '@webchat/channel';
import { MessageStore } from '../../../application/ports/message-store.port';
import { MessageViews } from '../message-views';

/** The channel library's view of chat: last seqs, unread counts and last messages, from the message store. */
@Injectable()
export class MessageChannelActivity extends ChannelActivity {
  constructor(
    private readonly messages: MessageStore,
    private readonly views: MessageViews,
  ) {
    super();
  }

  async lastSeq(channelId: string): Promise<number> {
    return (await this.messages.lastSeq([channelId])).get(channelId) ?? 0;
  }

  async summaries(positions: readonly MemberReadPosition[]): Promise<ReadonlyMap<string, ChannelActivitySummary>> {
    if (positions.length === 0) return new Map();
    const [unread, last] = await Promise.all([
      this.messages.unreadCounts(positions),
      this.messages.lastMessages(positions.map((position) => position.channelId)),
    ]);
    const lastViews = new Map((await this.views.of([...last.values()])).map((view) => [view.channelId, view]));
    return new Map(positions.map(({ channelId }) => [channelId, { unreadCount: unread.get(channelId) ?? 0, lastMessage: lastViews.get(channelId) ?? null }]));
  }
}
