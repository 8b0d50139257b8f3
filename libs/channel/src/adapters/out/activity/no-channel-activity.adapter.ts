import { ChannelActivity, ChannelActivitySummary, MemberReadPosition } from '../../../application/ports/channel-activity.port';

/** The channel library on its own (no chat module loaded): no channel has any message. */
export class NoChannelActivity extends ChannelActivity {
  async lastSeq(): Promise<number> {
    return 0;
  }

  async summaries(positions: readonly MemberReadPosition[]): Promise<ReadonlyMap<string, ChannelActivitySummary>> {
    return new Map(positions.map((position) => [position.channelId, { unreadCount: 0, lastMessage: null }]));
  }
}
