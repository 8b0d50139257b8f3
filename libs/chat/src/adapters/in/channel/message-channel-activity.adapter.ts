import { Injectable } from '@nestjs/common';
import { ChannelActivity, ChannelActivitySummary, MemberReadPosition } from '@webchat/channel';
import { MessageStore } from '../../../application/ports/message-store.port';
import { toMessageView } from '../message-view';

/** The channel library's view of chat: last seqs, unread counts and last messages, from the message store. */
@Injectable()
export class MessageChannelActivity extends ChannelActivity {
  constructor(private readonly messages: MessageStore) {
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
    return new Map(
      positions.map(({ channelId }) => {
        const lastMessage = last.get(channelId);
        return [channelId, { unreadCount: unread.get(channelId) ?? 0, lastMessage: lastMessage ? toMessageView(lastMessage) : null }];
      }),
    );
  }
}
