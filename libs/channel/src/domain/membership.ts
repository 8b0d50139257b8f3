export type MemberRole = 'OWNER' | 'MEMBER';

/** A user's place in a channel. */
export interface Membership {
  readonly channelId: string;
  readonly userId: string;
  readonly role: MemberRole;
  readonly joinedAt: Date;
  /** The member's read mark (the chat module moves it). */
  readonly lastReadSeq: number;
}

/** Who takes over when the owner leaves: the longest-standing other member (ties by user id). */
export function nextOwner(members: readonly Membership[], leavingUserId: string): Membership | undefined {
  return members
    .filter((member) => member.userId !== leavingUserId)
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId.localeCompare(b.userId))[0];
}
