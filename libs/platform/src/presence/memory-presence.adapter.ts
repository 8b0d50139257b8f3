import { Presence, PresenceChange } from '../kernel/presence';

/** Presence of one process with no bus and no grace: a fake for unit tests of other libraries. */
export class MemoryPresence extends Presence {
  private readonly socketsByUser = new Map<string, Set<string>>();
  private readonly listeners = new Set<(change: PresenceChange) => void>();

  watch(listener: (change: PresenceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async connected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.socketsByUser.get(userId) ?? new Set<string>();
    const cameOnline = sockets.size === 0;
    sockets.add(socketId);
    this.socketsByUser.set(userId, sockets);
    if (cameOnline) for (const listener of this.listeners) listener({ userId, online: true });
    return cameOnline;
  }

  async disconnected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.socketsByUser.get(userId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    this.socketsByUser.delete(userId);
    for (const listener of this.listeners) listener({ userId, online: false });
    return true;
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.socketsByUser.has(userId);
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.socketsByUser.has(id)));
  }
}
