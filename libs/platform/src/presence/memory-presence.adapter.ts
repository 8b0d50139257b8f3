import { Presence } from '../kernel/presence';

/** Presence of this one process: enough for the embedded mode and for tests. */
export class MemoryPresence extends Presence {
  private readonly socketsByUser = new Map<string, Set<string>>();

  async connected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.socketsByUser.get(userId) ?? new Set<string>();
    const cameOnline = sockets.size === 0;
    sockets.add(socketId);
    this.socketsByUser.set(userId, sockets);
    return cameOnline;
  }

  async disconnected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.socketsByUser.get(userId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size > 0) return false;
    this.socketsByUser.delete(userId);
    return true;
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.socketsByUser.has(userId);
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.socketsByUser.has(id)));
  }
}
