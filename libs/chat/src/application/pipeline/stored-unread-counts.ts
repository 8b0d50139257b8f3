import { CountedMessage, ChannelReadMarks, countFresh } from '../../domain/unread-count';
import { Message } from '../../domain/message';
import { ChannelMembers } from '../ports/channel-members.port';
import { ChatMembership } from '../ports/chat-membership.port';
import { AppendOutcome } from '../ports/message-store.port';

/**
 * Unread counts of a stored batch, once per channel of the batch (not per recipient). New messages
 * are counted from the members kept in memory (countFresh: no query on the send path); a repeat
 * (a retry answered with the first message, or an edited message, which others may have read
 * since) from the store's read marks, one read per channel, only when a batch holds one.
 */
export class StoredUnreadCounts {
  constructor(
    private readonly membership: ChatMembership,
    private readonly members: ChannelMembers,
  ) {}

  async of(outcomes: readonly AppendOutcome[]): Promise<CountedMessage[]> {
    const byChannel = new Map<string, { fresh: Message[]; repeats: Message[] }>();
    for (const { message, isNew } of outcomes) {
      const group = byChannel.get(message.channelId) ?? { fresh: [], repeats: [] };
      (isNew ? group.fresh : group.repeats).push(message);
      byChannel.set(message.channelId, group);
    }
    const counted = new Map<Message, CountedMessage>();
    await Promise.all(
      [...byChannel].map(async ([channelId, { fresh, repeats }]) => {
        const [members, marks] = await Promise.all([
          fresh.length > 0 ? this.membership.membersOf(channelId) : undefined,
          repeats.length > 0 ? this.members.readMarksOf(channelId) : undefined,
        ]);
        if (members) countFresh(fresh, members).forEach((message, index) => counted.set(fresh[index], message));
        if (marks) new ChannelReadMarks(marks).count(repeats).forEach((message, index) => counted.set(repeats[index], message));
      }),
    );
    return outcomes.map(({ message }) => counted.get(message) ?? { ...message, unreadCount: 0 });
  }
}
