/**
 * Notices of membership changes in a group channel's history (DESIGN §5: SYSTEM messages for join,
 * leave and invite). The chat library writes them; without chat there is no history to write to.
 * Told once per change, on the node that made it and after it committed: the cluster's
 * ChannelEvents reach every node, which would write one notice per node. Never for a direct
 * channel, nor for the leave that deleted the channel.
 */
export abstract class MembershipNotices {
  abstract joined(channelId: string, userId: string): Promise<void>;
  abstract left(channelId: string, userId: string): Promise<void>;
  /** One notice per invite, naming every user it added. */
  abstract invited(channelId: string, inviterId: string, userIds: readonly string[]): Promise<void>;
}
