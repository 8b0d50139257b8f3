import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventBus } from '../kernel/event-bus';
import { Presence, PresenceChange } from '../kernel/presence';

export const PRESENCE_TOPIC = 'presence.nodes';

export interface ClusterPresenceOptions {
  readonly nodeId: string;
  /** How often a node tells the others whom it holds sockets of. */
  readonly heartbeatMs: number;
  /** A node not heard of for this long is taken for dead, and its users offline. */
  readonly nodeTimeoutMs: number;
  /** How long a user's last socket may be gone before they count as offline (a page reload does not flap). */
  readonly offlineGraceMs: number;
  readonly logger?: Logger;
}

type PresenceEvent =
  | { readonly nodeId: string; readonly kind: 'heartbeat'; readonly users: readonly string[] }
  | { readonly nodeId: string; readonly kind: 'online' | 'offline'; readonly userId: string }
  | { readonly nodeId: string; readonly kind: 'hello' | 'leaving' };

/**
 * Presence across server nodes over the EventBus (the in-process one makes it a cluster of one).
 * Each node knows its own sockets; it tells the others when a user's first socket arrives or
 * last one leaves, and whom it holds in a heartbeat, so a node that joins learns the others at
 * once (it says hello) and a node that dies takes its users offline after `nodeTimeoutMs`.
 * One node's events share one key, so they arrive in the order it sent them.
 */
export class ClusterPresence extends Presence implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly local = new Map<string, Set<string>>();
  private readonly remote = new Map<string, { users: Set<string>; seenAt: number }>();
  private readonly leaving = new Map<string, () => void>();
  private readonly listeners = new Set<(change: PresenceChange) => void>();
  private readonly unsubscribe: () => void;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly bus: EventBus,
    private readonly options: ClusterPresenceOptions,
  ) {
    super();
    this.unsubscribe = bus.subscribe<PresenceEvent>(PRESENCE_TOPIC, (event) => this.onEvent(event));
  }

  onApplicationBootstrap(): Promise<void> {
    return this.start();
  }

  /** Before the bus closes: the others hear this node leave instead of waiting for its silence. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  async start(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), this.options.heartbeatMs);
    this.timer.unref();
    await this.send({ nodeId: this.options.nodeId, kind: 'hello' });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const cancel of this.leaving.values()) cancel();
    await this.send({ nodeId: this.options.nodeId, kind: 'leaving' });
    this.unsubscribe();
  }

  watch(listener: (change: PresenceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async connected(userId: string, socketId: string): Promise<boolean> {
    const returning = this.leaving.get(userId);
    if (returning) returning();
    const wasOnline = this.isOnlineNow(userId);
    const sockets = this.local.get(userId) ?? new Set<string>();
    sockets.add(socketId);
    this.local.set(userId, sockets);
    if (sockets.size === 1 && !returning) await this.send({ nodeId: this.options.nodeId, kind: 'online', userId });
    if (wasOnline) return false;
    this.notify(userId, true);
    return true;
  }

  async disconnected(userId: string, socketId: string): Promise<boolean> {
    const sockets = this.local.get(userId);
    if (!sockets?.delete(socketId) || sockets.size > 0) return false;
    // The user stays online through the grace; a socket of theirs arriving meanwhile cancels it.
    const stayed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.options.offlineGraceMs);
      this.leaving.set(userId, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    this.leaving.delete(userId);
    if (stayed) return false;
    this.local.delete(userId);
    await this.send({ nodeId: this.options.nodeId, kind: 'offline', userId });
    if (this.isOnlineNow(userId)) return false;
    this.notify(userId, false);
    return true;
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.isOnlineNow(userId);
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((userId) => this.isOnlineNow(userId)));
  }

  private isOnlineNow(userId: string): boolean {
    if (this.local.has(userId)) return true;
    for (const node of this.remote.values()) if (node.users.has(userId)) return true;
    return false;
  }

  private onEvent(event: PresenceEvent): void {
    if (event.nodeId === this.options.nodeId) return;
    if (event.kind === 'hello') {
      void this.heartbeat();
      return;
    }
    if (event.kind === 'leaving') {
      this.replaceNode(event.nodeId, undefined);
      return;
    }
    const known = this.remote.get(event.nodeId)?.users ?? new Set<string>();
    const users = event.kind === 'heartbeat' ? new Set(event.users) : new Set(known);
    if (event.kind === 'online') users.add(event.userId);
    if (event.kind === 'offline') users.delete(event.userId);
    this.replaceNode(event.nodeId, users);
  }

  /** Puts what a node now holds in place of what it held, telling the watchers who came and went. */
  private replaceNode(nodeId: string, users: Set<string> | undefined): void {
    const before = this.remote.get(nodeId)?.users ?? new Set<string>();
    const touched = new Set([...before, ...(users ?? [])]);
    const wasOnline = new Map([...touched].map((userId) => [userId, this.isOnlineNow(userId)]));
    if (users) this.remote.set(nodeId, { users, seenAt: Date.now() });
    else this.remote.delete(nodeId);
    for (const userId of touched) {
      const online = this.isOnlineNow(userId);
      if (online !== wasOnline.get(userId)) this.notify(userId, online);
    }
  }

  private async tick(): Promise<void> {
    const deadline = Date.now() - this.options.nodeTimeoutMs;
    for (const [nodeId, node] of this.remote) {
      if (node.seenAt < deadline) {
        this.options.logger?.warn({ nodeId }, 'presence: a node went silent; its users count as offline');
        this.replaceNode(nodeId, undefined);
      }
    }
    await this.heartbeat();
  }

  private heartbeat(): Promise<void> {
    return this.send({ nodeId: this.options.nodeId, kind: 'heartbeat', users: [...this.local.keys()] });
  }

  private async send(event: PresenceEvent): Promise<void> {
    try {
      await this.bus.publish(PRESENCE_TOPIC, event, event.nodeId);
    } catch (error) {
      // Presence may lag for a heartbeat; it must never fail a connection.
      this.options.logger?.warn({ err: error }, 'presence: could not publish');
    }
  }

  private notify(userId: string, online: boolean): void {
    for (const listener of this.listeners) listener({ userId, online });
  }
}
