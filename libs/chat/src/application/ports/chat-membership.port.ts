/**
 * Who may send where, answered from memory on the hot path (DESIGN §4: no per-message
 * database read); kept current by the channel library's membership events.
 */
export abstract class ChatMembership {
  abstract isMember(channelId: string, userId: string): Promise<boolean>;
  /** The channel's members (empty for an unknown channel). */
  abstract membersOf(channelId: string): Promise<ReadonlySet<string>>;
}
