import { requireIntegerIn } from './message-query-arguments';
import { ChannelMembers } from './ports/channel-members.port';
import { MessageStore } from './ports/message-store.port';
import { ReadReceipts } from './ports/read-receipts.port';

/**
 * Moves my read mark in a channel to `seq` (members only): clamped to the channel's last
 * message, never back. When it moved, a receipt goes out. Both `POST /read` and the
 * socket's `message:read` run this.
 */
export class MarkRead {
  constructor(
    private readonly members: ChannelMembers,
    private readonly messages: MessageStore,
    private readonly receipts: ReadReceipts,
  ) {}

  async execute(userId: string, channelId: string, seq: number): Promise<void> {
    requireIntegerIn('seq', seq, 0, Number.MAX_SAFE_INTEGER);
    const { lastReadSeq } = await this.members.requireMember(userId, channelId);
    if (seq <= lastReadSeq) return;
    const lastSeq = (await this.messages.lastSeq([channelId])).get(channelId) ?? 0;
    const target = Math.min(seq, lastSeq);
    if (target <= lastReadSeq) return;
    if (await this.members.advanceReadMark(userId, channelId, target)) {
      await this.receipts.publish({ channelId, userId, seq: target });
    }
  }
}
