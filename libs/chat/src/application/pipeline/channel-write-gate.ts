import { nonMemberRefusal } from '../non-member-refusal';
import { ChannelMembers } from '../ports/channel-members.port';
import { ChatMembership } from '../ports/chat-membership.port';
import { SendRateLimit } from '../ports/send-rate-limit.port';

/**
 * What every write to a channel's log (send, edit, delete) passes first: membership from memory,
 * refused as the channel rules say (NOT_MEMBER, or NOT_FOUND for a private, direct or unknown
 * channel), then the user's write rate (RATE_LIMITED), shared by the three.
 */
export class ChannelWriteGate {
  constructor(
    private readonly membership: ChatMembership,
    private readonly members: ChannelMembers,
    private readonly rateLimit: SendRateLimit,
  ) {}

  async admit(channelId: string, userId: string): Promise<void> {
    if (!(await this.membership.isMember(channelId, userId))) throw await nonMemberRefusal(this.members, userId, channelId);
    this.rateLimit.take(userId);
  }
}
