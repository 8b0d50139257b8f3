/**
 * Who may send where, answered from memory on the hot path (DESIGN §4: no per-message
 * database read); kept current by the channel library's membership events.
 */
export abstract class ChatMembership {
  abstract isMember(channelId: string, userId: string): Promise<boolean>;
}
