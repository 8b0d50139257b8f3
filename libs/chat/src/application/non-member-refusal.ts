import { NotChannelMemberError } from '../domain/chat.errors';
import { ChannelMembers } from './ports/channel-members.port';

/**
 * The error for someone the in-memory membership does not know as a member, as the channel
 * rules give it (DESIGN §5): NOT_MEMBER for a public channel, NOT_FOUND for a private or
 * direct one or an unknown channel, so a channel's existence does not show to outsiders.
 * Only the refused path pays for the read. Where the store knows a membership memory does
 * not know yet (a join still on its way), it is still NOT_MEMBER: the send waits for memory.
 */
export async function nonMemberRefusal(members: ChannelMembers, userId: string, channelId: string): Promise<Error> {
  try {
    await members.requireMember(userId, channelId);
  } catch (error) {
    return error as Error;
  }
  return new NotChannelMemberError();
}
