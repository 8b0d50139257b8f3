import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { connectChat } from '../../support/chat-client';
import { ProcessCluster, ProcessUser } from '../../support/process-cluster';

/** How long a client waits for an ack before it counts the send as unanswered (the server gives up at 5 s). */
const ACK_WAIT_MS = 8_000;
/** A failed send is sent again (same clientMsgId) no sooner than this. */
const RESEND_AFTER_MS = 1_000;
/** At most this many resends per tick, so a backlog after an outage does not swamp the service. */
const RESENDS_PER_TICK = 2;

/** What an ack carried (the fields the checks compare with the store). */
export interface AckedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly seq: number;
  readonly senderId: string;
  readonly clientMsgId: string;
  readonly text: string;
}

/** Counts of one client, or of all of them summed. */
export interface ChatTally {
  /** New messages sent (first attempts). */
  sent: number;
  acked: number;
  /** Attempts answered UNAVAILABLE or not answered within ACK_WAIT_MS. */
  unacked: number;
  /** Attempts again with the same clientMsgId. */
  resent: number;
  /** Messages read back by `afterSeq` after a reconnect. */
  recovered: number;
  reconnects: number;
}

export const emptyTally = (): ChatTally => ({ sent: 0, acked: 0, unacked: 0, resent: 0, recovered: 0, reconnects: 0 });

interface Outgoing {
  readonly clientMsgId: string;
  readonly text: string;
  attempts: number;
  inFlight: boolean;
  retryAt: number;
}

/** One ack: when its attempt went out and when the ack came (for the recovery times). */
export interface AckTiming {
  readonly channelId: string;
  readonly attemptAt: number;
  readonly ackAt: number;
}

/**
 * One user's socket.io client under load: sends a fresh clientMsgId each tick while producing,
 * keeps every send not acked to send again with the SAME clientMsgId, reconnects by itself (to
 * its home node, else any running node), and after each reconnect reads what it missed by
 * `afterSeq`. Everything the server answers is recorded for the checks; nothing is judged here
 * but the shape of each ack (`problems`).
 */
export class LoadClient {
  readonly tally = emptyTally();
  readonly acked = new Map<string, AckedMessage>();
  /** False acks and unexpected error codes, each described. */
  readonly problems: string[] = [];
  private readonly outgoing = new Map<string, Outgoing>();
  private socket?: Socket;
  private nodeId?: string;
  private lastSeq = 0;
  /** Off until startProducing: each fault's counts cover only its own sends. */
  private producing = false;
  private reconnecting = false;
  private closed = false;
  private sequence = 0;

  constructor(
    private readonly cluster: ProcessCluster,
    readonly user: ProcessUser,
    readonly channelId: string,
    private readonly homeNode: string,
    private readonly onAck: (timing: AckTiming) => void,
  ) {}

  async connect(): Promise<void> {
    await this.connectTo(this.homeNode);
  }

  /** One tick: a few resends that are due, then one new message while producing. */
  tick(): void {
    if (!this.socket?.connected) return;
    const now = Date.now();
    let resends = 0;
    for (const message of this.outgoing.values()) {
      if (resends >= RESENDS_PER_TICK) break;
      if (message.inFlight || message.attempts === 0 || message.retryAt > now) continue;
      this.attempt(message);
      resends += 1;
    }
    if (!this.producing) return;
    this.sequence += 1;
    const message: Outgoing = { clientMsgId: `${this.user.id.slice(-6)}-${this.sequence}-${randomUUID()}`, text: `m${this.sequence} of ${this.user.id}`, attempts: 0, inFlight: false, retryAt: 0 };
    this.outgoing.set(message.clientMsgId, message);
    this.attempt(message);
  }

  stopProducing(): void {
    this.producing = false;
  }

  startProducing(): void {
    this.producing = true;
  }

  /** Sends not acked yet (in flight or waiting to be sent again). */
  get unackedCount(): number {
    return this.outgoing.size;
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private attempt(message: Outgoing): void {
    const socket = this.socket;
    if (!socket) return;
    message.attempts += 1;
    message.inFlight = true;
    if (message.attempts === 1) this.tally.sent += 1;
    else this.tally.resent += 1;
    const attemptAt = Date.now();
    socket.timeout(ACK_WAIT_MS).emit('message:send', { channelId: this.channelId, clientMsgId: message.clientMsgId, text: message.text }, (error: Error | null, ack: SendAck) => {
      message.inFlight = false;
      if (error) return this.failed(message);
      if (!ack.ok) {
        if (ack.error?.code !== 'UNAVAILABLE') this.problems.push(`${message.clientMsgId}: answered ${JSON.stringify(ack.error)}, not UNAVAILABLE`);
        return this.failed(message);
      }
      this.accept(message, ack.message, attemptAt);
    });
  }

  private failed(message: Outgoing): void {
    this.tally.unacked += 1;
    message.retryAt = Date.now() + RESEND_AFTER_MS;
  }

  /** An ok ack must carry this very message; an id acked twice must be the same stored message. */
  private accept(message: Outgoing, stored: AckedMessage | undefined, attemptAt: number): void {
    if (!stored || stored.clientMsgId !== message.clientMsgId || stored.text !== message.text || stored.channelId !== this.channelId || stored.senderId !== this.user.id) {
      this.problems.push(`false ack for ${message.clientMsgId}: ${JSON.stringify(stored)}`);
      return;
    }
    const earlier = this.acked.get(message.clientMsgId);
    if (earlier && (earlier.id !== stored.id || earlier.seq !== stored.seq)) {
      this.problems.push(`${message.clientMsgId} acked as two messages: seq ${earlier.seq} and ${stored.seq}`);
    }
    this.acked.set(message.clientMsgId, stored);
    this.outgoing.delete(message.clientMsgId);
    this.tally.acked += 1;
    this.lastSeq = Math.max(this.lastSeq, stored.seq);
    this.onAck({ channelId: this.channelId, attemptAt, ackAt: Date.now() });
  }

  private async connectTo(nodeId: string): Promise<void> {
    const socket = await connectChat(this.cluster.url(nodeId), this.user.token);
    this.socket = socket;
    this.nodeId = nodeId;
    socket.on('message:new', (message: AckedMessage) => {
      if (message.channelId === this.channelId) this.lastSeq = Math.max(this.lastSeq, message.seq);
    });
    socket.on('disconnect', () => void this.reconnect());
  }

  /** Home node first, else any node running; every 300 ms until one takes the socket, then catches up by afterSeq. */
  private async reconnect(): Promise<void> {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    this.tally.reconnects += 1;
    this.socket?.close();
    try {
      while (!this.closed) {
        const running = this.cluster.runningNodes();
        const candidates = running.includes(this.homeNode) ? [this.homeNode, ...running.filter((id) => id !== this.homeNode)] : running;
        for (const nodeId of candidates) {
          try {
            await this.connectTo(nodeId);
            void this.catchUp();
            return;
          } catch {
            // that node is down or starting: try the next
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** Reads the channel after the last seq seen, retrying while the service recovers. */
  private async catchUp(): Promise<void> {
    for (let tries = 0; tries < 60 && !this.closed; tries += 1) {
      try {
        const missed = await this.cluster.history<AckedMessage>(this.nodeId as string, this.user, this.channelId, this.lastSeq);
        this.tally.recovered += missed.length;
        if (missed.length > 0) this.lastSeq = Math.max(this.lastSeq, missed[missed.length - 1].seq);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}

type SendAck = { ok: true; message: AckedMessage } | { ok: false; error?: { code: string; message: string } };
