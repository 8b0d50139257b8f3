/** What the main thread and the generator's worker threads say to each other (structured-clone data only). */

export interface ChannelSpec {
  readonly id: string;
}

/** One simulated user: one socket.io client. */
export interface ClientSpec {
  readonly userIndex: number;
  readonly url: string;
  /** The handshake `auth` (a token for WebChat, the user and its channels for the bare relay). */
  readonly auth: Record<string, unknown>;
  /** For the history API after a reconnect (WebChat only). */
  readonly token?: string;
  readonly channels: readonly ChannelSpec[];
}

export interface WorkerSetup {
  readonly workerIndex: number;
  /** Prefix of every clientMsgId of this run: deliveries and stored messages are recognised by it. */
  readonly runId: string;
}

export type Command =
  | { readonly type: 'connect'; readonly clients: readonly ClientSpec[]; readonly spreadMs: number }
  /** Connected sockets per channel (all workers): the deliveries each ack makes expected. */
  | { readonly type: 'online'; readonly socketsPerChannel: Record<string, number> }
  | { readonly type: 'open-loop'; readonly rate: number; readonly durationMs: number; readonly rampMs: number }
  | { readonly type: 'closed-loop'; readonly messagesPerClient: number; readonly userIndexes: readonly number[] }
  | { readonly type: 'stop-sending' }
  | { readonly type: 'drop'; readonly userIndexes: readonly number[] }
  | { readonly type: 'restore' }
  | { readonly type: 'flush' }
  | { readonly type: 'disconnect'; readonly userIndexes?: readonly number[] }
  | { readonly type: 'report' };

/** Counts since the previous tick (deltas), and the interval's latency histograms (µs, compressed). */
export interface Tick {
  readonly workerIndex: number;
  /** CPU time this worker thread used since its previous tick (undefined off Linux). */
  readonly cpuMs?: number;
  readonly sent: number;
  readonly acked: number;
  readonly rejected: Record<string, number>;
  readonly deliveredLive: number;
  readonly expectedLive: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
  /** Sockets the server or the network closed (not the bench), by socket.io's reason. */
  readonly disconnects: Record<string, number>;
  readonly pendingAcks: number;
  readonly ackHistogram: string;
  readonly deliveryHistogram: string;
}

export interface ConnectResult {
  readonly connected: number;
  readonly failed: Record<string, number>;
  readonly connectHistogram: string;
  readonly connectedPerChannel: Record<string, number>;
}

/** End-of-run figures of one worker, per channel. */
export interface WorkerReport {
  /** Acked sends per channel. */
  readonly acked: Record<string, number>;
  /** Per channel: the worker's sockets in it that connected, and the distinct run messages they saw (live or recovered). */
  readonly seen: Record<string, { sockets: number; seen: number }>;
  readonly recovered: number;
  readonly recoveryFailures: number;
  /** Sends whose ack was lost with a dropped socket, sent again with the same clientMsgId after the reconnect. */
  readonly resent: number;
}

export type WorkerMessage =
  | { readonly type: 'tick'; readonly tick: Tick }
  | { readonly type: 'reply'; readonly id: number; readonly result?: unknown; readonly error?: string };
