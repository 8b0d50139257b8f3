import { ReadMark } from '../../domain/unread-count';

/** A member's read mark in a channel. */
export interface MemberMark {
  readonly lastReadSeq: number;
}

/**
 * What chat needs of channel memberships (the channel library answers). Both methods throw
 * the channel library's errors for someone who may not read the channel's messages:
 * 403 for a public channel's non-member, 404 for any other non-member or an unknown channel.
 */
export abstract class ChannelMembers {
  /** The user's membership of the channel. */
  abstract requireMember(userId: string, channelId: string): Promise<MemberMark>;
  /** Raises the member's read mark to `seq`, never lowers it; resolves whether it moved. */
  abstract advanceReadMark(userId: string, channelId: string, seq: number): Promise<boolean>;
  /** Every member's read mark of the channel in one read, lowest first (no access check). */
  abstract readMarksOf(channelId: string): Promise<ReadMark[]>;
  /** Raises the senders' marks of a stored batch in one transaction (forward only, no access check). */
  abstract advanceSendersReadMarks(marks: readonly SenderReadMark[]): Promise<void>;
}

export interface SenderReadMark {
  readonly channelId: string;
  readonly userId: string;
  readonly seq: number;
}
