import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, SEARCH_QUERY_MAX_CODE_POINTS } from '../domain/history-limits';
import { InvalidMessageQueryError } from '../domain/message-query.errors';
import { ChannelReadMarks, CountedMessage } from '../domain/unread-count';
import { requireIntegerIn } from './message-query-arguments';
import { ChannelMembers } from './ports/channel-members.port';
import { MessageStore } from './ports/message-store.port';

/**
 * TEXT messages of a channel containing the query (any case, taken literally), newest first,
 * for members only. The query is trimmed and must keep 1–100 code points: a blank query would
 * match everything, which is history's job, not search's.
 */
export class SearchMessages {
  constructor(
    private readonly members: ChannelMembers,
    private readonly messages: MessageStore,
  ) {}

  async execute(userId: string, channelId: string, query: string, limit = SEARCH_DEFAULT_LIMIT): Promise<CountedMessage[]> {
    const trimmed = query.trim();
    const length = [...trimmed].length;
    if (length < 1 || length > SEARCH_QUERY_MAX_CODE_POINTS) {
      throw new InvalidMessageQueryError(`q must be 1 to ${SEARCH_QUERY_MAX_CODE_POINTS} characters long`);
    }
    requireIntegerIn('limit', limit, 1, SEARCH_MAX_LIMIT);
    await this.members.requireMember(userId, channelId);
    const [messages, marks] = await Promise.all([this.messages.search(channelId, trimmed, limit), this.members.readMarksOf(channelId)]);
    return new ChannelReadMarks(marks).count(messages);
  }
}
