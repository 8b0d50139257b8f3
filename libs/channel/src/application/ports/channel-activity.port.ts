/**
 * A message as the chat library shows it (its message view), passed through untouched:
 * the channel library only needs to hand it to clients. Chat's view has at least these fields.
 */
export interface ChannelLastMessage {
  readonly id: string;
  readonly channelId: string;
  readonly seq: number;
  readonly createdAt: string;
}

/** Where a member stands in one of their channels. */
export interface MemberReadPosition {
  readonly channelId: string;
  readonly userId: string;
  readonly lastReadSeq: number;
}

export interface ChannelActivitySummary {
  /** TEXT messages of others after the member's read mark. */
  readonly unreadCount: number;
  /** The channel's newest message, null when it has none. */
  readonly lastMessage: ChannelLastMessage | null;
}

/**
 * What happens inside channels, as far as the channel library needs to know: the chat
 * library answers (the channel library must not import it), and without chat nothing
 * has happened yet (no messages).
 */
export abstract class ChannelActivity {
  /** The highest message seq of the channel, 0 when it has none: where a new member's read mark starts. */
  abstract lastSeq(channelId: string): Promise<number>;
  /** One summary per position's channel (a channel without messages: 0 and null). */
  abstract summaries(positions: readonly MemberReadPosition[]): Promise<ReadonlyMap<string, ChannelActivitySummary>>;
}
