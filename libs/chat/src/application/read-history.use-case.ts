import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from '../domain/history-limits';
import { Message } from '../domain/message';
import { InvalidMessageQueryError } from '../domain/message-query.errors';
import { ChannelReadMarks, CountedMessage } from '../domain/unread-count';
import { requireIntegerIn } from './message-query-arguments';
import { ChannelMembers } from './ports/channel-members.port';
import { MessageStore } from './ports/message-store.port';

export interface HistoryPage {
  /** The newest messages before this seq. */
  readonly beforeSeq?: number;
  /** The oldest messages after this seq (how a reconnecting client catches up). */
  readonly afterSeq?: number;
  readonly limit?: number;
}

/**
 * A page of a channel's history, for members only, always in ascending seq, each message with its
 * unread count from one read of the channel's read marks (read beside the page, not after it).
 */
export class ReadHistory {
  constructor(
    private readonly members: ChannelMembers,
    private readonly messages: MessageStore,
  ) {}

  async execute(userId: string, channelId: string, page: HistoryPage = {}): Promise<CountedMessage[]> {
    const { beforeSeq, afterSeq } = page;
    if (beforeSeq !== undefined && afterSeq !== undefined) throw new InvalidMessageQueryError('Give beforeSeq or afterSeq, not both');
    const limit = requireIntegerIn('limit', page.limit ?? HISTORY_DEFAULT_LIMIT, 1, HISTORY_MAX_LIMIT);
    if (beforeSeq !== undefined) requireIntegerIn('beforeSeq', beforeSeq, 0, Number.MAX_SAFE_INTEGER);
    if (afterSeq !== undefined) requireIntegerIn('afterSeq', afterSeq, 0, Number.MAX_SAFE_INTEGER);
    await this.members.requireMember(userId, channelId);
    const [messages, marks] = await Promise.all([this.page(channelId, page, limit), this.members.readMarksOf(channelId)]);
    return new ChannelReadMarks(marks).count(messages);
  }

  private page(channelId: string, { beforeSeq, afterSeq }: HistoryPage, limit: number): Promise<Message[]> {
    if (afterSeq !== undefined) return this.messages.pageAfter(channelId, afterSeq, limit);
    if (beforeSeq !== undefined) return this.messages.pageBefore(channelId, beforeSeq, limit);
    return this.messages.pageLatest(channelId, limit);
  }
}
