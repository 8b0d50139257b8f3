/** A user came online (first socket anywhere) or went offline (last socket gone). */
export interface PresenceChange {
  readonly userId: string;
  readonly online: boolean;
}

/**
 * Who is online. The socket gateway reports connections; everyone else asks.
 * A user is online while at least one of their sockets is connected, on any node.
 */
export abstract class Presence {
  /** Calls `listener` for every change of anyone's state that this node learns of; returns the way to stop. */
  abstract watch(listener: (change: PresenceChange) => void): () => void;
  /** Records a connected socket; resolves true when this made the user come online. */
  abstract connected(userId: string, socketId: string): Promise<boolean>;
  /** Forgets a socket; resolves true when this made the user go offline. */
  abstract disconnected(userId: string, socketId: string): Promise<boolean>;
  abstract isOnline(userId: string): Promise<boolean>;
  /** The subset of `userIds` that is online. */
  abstract onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}

/**
 * Presence privacy (DESIGN §5): user U's online state is shown to user V only when they share a
 * channel or U keeps V in U's own contacts; otherwise V sees U offline and hears no `presence`.
 */
export abstract class PresenceVisibility {
  /** The subset of `userIds` whose online state `viewerId` may see (a viewer always sees themself). */
  abstract visibleTo(viewerId: string, userIds: readonly string[]): Promise<Set<string>>;
  /** Everyone who may see `userId`'s online state (channel peers and the user's own contacts), without the user. */
  abstract audienceOf(userId: string): Promise<Set<string>>;
}
