import { Channel, ChannelView } from '../../domain/channel';
import { Membership } from '../../domain/membership';

export interface LeaveOutcome {
  /** False when the user was not a member (nothing changed). */
  readonly removed: boolean;
  readonly channelDeleted: boolean;
  /** Set when the owner left and the role passed on. */
  readonly newOwnerId?: string;
}

/** What runs inside a leave's transaction, under the channel's lock (see ChannelStore.removeMember). */
export interface LeaveSteps {
  /** When the leave would delete the channel, before the delete; what it throws undoes the leave. */
  beforeDelete?(): Promise<void>;
  /** When the channel stays, once the member is gone and ownership passed on: with the owner now. */
  afterLeave?(ownerId: string): Promise<void>;
}

export interface InviteOutcome {
  /** The user ids actually added (those not yet members). */
  readonly added: string[];
  /** The members right after the invite, in joining order, read under the same lock. */
  readonly members: Membership[];
}

export interface ReadMarkTarget {
  readonly channelId: string;
  readonly userId: string;
  readonly seq: number;
}

export interface ReadMarkAdvance {
  /** False when the mark already stood at `seq` or beyond (nothing changed). */
  readonly moved: boolean;
}

/** A member's read mark, as read for counting who has read a message. */
export interface MemberReadMark {
  readonly userId: string;
  readonly lastReadSeq: number;
}

export interface MyChannel {
  readonly channel: ChannelView;
  readonly membership: Membership;
}

/**
 * Channels and memberships. Every method that changes membership is atomic:
 * concurrent calls cannot make two memberships of one user, two direct
 * channels of one pair, or leave a channel with members but no owner.
 */
export abstract class ChannelStore {
  abstract createGroup(channel: Channel, owner: Membership): Promise<void>;
  /** Creates the pair's direct channel, or returns the one that exists (unique direct key, no check-then-insert). */
  abstract openDirect(channel: Channel, members: readonly Membership[]): Promise<{ channel: ChannelView; created: boolean }>;
  abstract findById(channelId: string): Promise<ChannelView | undefined>;
  abstract findMembership(channelId: string, userId: string): Promise<Membership | undefined>;
  /** My channels, newest first. */
  abstract listForMember(userId: string): Promise<MyChannel[]>;
  /** Public GROUP channels whose name contains `query` (case-insensitive), by name then id. */
  abstract searchPublic(query: string, limit: number): Promise<ChannelView[]>;
  /** Adds those not yet members; resolves the user ids actually added. Throws ChannelNotFoundError if the channel is gone. */
  abstract addMembers(channelId: string, members: readonly Membership[]): Promise<string[]>;
  /**
   * Adds those not yet members on behalf of `inviterId`, who must still be a member once the
   * channel is locked: checked in the same transaction, so a concurrent leave of the inviter
   * either comes first (NotChannelMemberError, nobody added) or after. Throws
   * ChannelNotFoundError if the channel is gone.
   */
  abstract invite(channelId: string, inviterId: string, members: readonly Membership[]): Promise<InviteOutcome>;
  /**
   * Removes a member, passes ownership on, deletes the channel when it empties. `steps` run in the
   * same transaction, under the channel's lock (so no `holdOpen` caller is midway); what they
   * throw undoes the leave.
   */
  abstract removeMember(channelId: string, userId: string, steps?: LeaveSteps): Promise<LeaveOutcome>;
  /**
   * Inside the caller's transaction (SqlTransactions' current one): the channel cannot be deleted
   * until that transaction ends (a shared lock on its row; other holders are not blocked).
   * False when the channel is gone already.
   */
  abstract holdOpen(channelId: string): Promise<boolean>;
  /**
   * Sets the member's read mark to `seq` if that is higher, atomically (one conditional
   * update: concurrent calls leave the highest). Undefined when the user is not a member.
   */
  abstract advanceReadMark(channelId: string, userId: string, seq: number): Promise<ReadMarkAdvance | undefined>;
  /** The same forward-only move for many marks in one transaction; non-members are skipped. */
  abstract advanceReadMarks(marks: readonly ReadMarkTarget[]): Promise<void>;
  /** Every member's read mark in one read, lowest mark first (empty for an unknown channel). */
  abstract readMarksOf(channelId: string): Promise<MemberReadMark[]>;
  /** Members in joining order. */
  abstract listMembers(channelId: string): Promise<Membership[]>;
  /**
   * Everyone who shares at least one channel with `userId`, each once, without the user (in no
   * particular order); only those among `among` when it is given. One read, whatever the channels.
   */
  abstract peersOf(userId: string, among?: readonly string[]): Promise<string[]>;
}
