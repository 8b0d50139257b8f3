export type ChannelKind = 'GROUP' | 'DIRECT';

/** A group's name is 1 to this many code points, after trimming. */
export const CHANNEL_NAME_MAX_LENGTH = 100;

/** A group or 1:1 conversation. Direct channels have no name, no owner and are always private. */
export interface Channel {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly name: string | null;
  readonly description: string | null;
  readonly isPrivate: boolean;
  /** Only private GROUP channels have one (hashed). */
  readonly passwordHash: string | null;
  readonly ownerId: string | null;
  /** The two member ids, sorted and joined: unique, so a pair has one direct channel. */
  readonly directKey: string | null;
  readonly createdAt: Date;
}

/** A channel as read back, with its current member count. */
export interface ChannelView extends Channel {
  readonly memberCount: number;
}

/** The key that makes "the 1:1 channel of these two users" unique, whichever opens it. */
export function directKeyOf(userA: string, userB: string): string {
  return [userA, userB].sort().join(':');
}

/** Anyone signed in may see a public group; private and direct channels only their members. */
export function isVisibleTo(channel: Channel, isMember: boolean): boolean {
  return isMember || (channel.kind === 'GROUP' && !channel.isPrivate);
}
