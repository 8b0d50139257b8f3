/**
 * One generator thread: holds its share of the socket.io clients, sends at its share of the target
 * rate (or each client N messages back to back), and records send→ack at the sender and
 * send→delivery at every receiving socket (the send time travels in the message text, so a
 * delivery is timed where it lands, in whichever thread). Counts go to the main thread each second.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io, Socket } from 'socket.io-client';
import type { Histogram } from 'hdr-histogram-js';
import { encode, latencyHistogram, nowMs, recordMs } from './latency';
import { threadCpuMs } from './thread-cpu';
import type { ClientSpec, Command, ConnectResult, Tick, WorkerMessage, WorkerReport, WorkerSetup } from './protocol';

const ACK_TIMEOUT_MS = 10_000;
const HISTORY_PAGE = 100;

interface DeliveredMessage {
  readonly channelId: string;
  readonly seq: number;
  readonly clientMsgId: string | null;
  readonly text: string;
}
interface SendPayload {
  readonly channelId: string;
  readonly clientMsgId: string;
  readonly text: string;
}
type SendAck = { ok: true; message: { channelId: string; seq: number } } | { ok: false; error: { code: string } };

/** The seqs of this run's messages one socket has seen in one channel. */
class ChannelView {
  readonly seqs = new Set<number>();
  highest = 0;
}

class Client {
  socket?: Socket;
  online = false;
  /** A client whose first connect failed is counted as a failed connect, not as missing deliveries. */
  everConnected = false;
  /** Closed on purpose (reconnect scenario), and the sends that lost their ack with it. */
  dropped = false;
  readonly unacked: Array<{ payload: SendPayload; sentAt: number }> = [];
  nextChannel = 0;
  readonly views = new Map<string, ChannelView>();
  constructor(readonly spec: ClientSpec) {
    for (const channel of spec.channels) this.views.set(channel.id, new ChannelView());
  }
}

const setup = workerData as WorkerSetup;
const prefix = `${setup.runId}-`;
const clients = new Map<number, Client>();
let counter = 0;
let tick = freshTick();
const ackHistogram: Histogram = latencyHistogram();
const deliveryHistogram: Histogram = latencyHistogram();
const ackedPerChannel: Record<string, number> = {};
let pendingAcks = 0;
let recovered = 0;
let recoveryFailures = 0;
let resent = 0;
let sending: (() => void) | undefined;
let socketsPerChannel: Record<string, number> = {};

let cpuAtLastTick = threadCpuMs();

function freshTick(): { -readonly [K in keyof Omit<Tick, 'ackHistogram' | 'deliveryHistogram' | 'pendingAcks' | 'workerIndex' | 'cpuMs'>]: Tick[K] } {
  return { sent: 0, acked: 0, rejected: {}, deliveredLive: 0, expectedLive: 0, duplicated: 0, outOfOrder: 0, disconnects: {} };
}

function flushTick(): Tick {
  const cpu = threadCpuMs();
  const cpuMs = cpu === undefined || cpuAtLastTick === undefined ? undefined : cpu - cpuAtLastTick;
  cpuAtLastTick = cpu;
  const out: Tick = { ...tick, workerIndex: setup.workerIndex, cpuMs, pendingAcks, ackHistogram: encode(ackHistogram), deliveryHistogram: encode(deliveryHistogram) };
  tick = freshTick();
  ackHistogram.reset();
  deliveryHistogram.reset();
  return out;
}

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function reject(code: string): void {
  tick.rejected[code] = (tick.rejected[code] ?? 0) + 1;
}

function onDelivery(client: Client, message: DeliveredMessage): void {
  if (!message.clientMsgId?.startsWith(prefix)) return; // SYSTEM notices and other runs' messages
  const view = client.views.get(message.channelId);
  if (!view) return;
  if (view.seqs.has(message.seq)) {
    tick.duplicated += 1;
    return;
  }
  if (message.seq < view.highest) tick.outOfOrder += 1;
  view.seqs.add(message.seq);
  view.highest = Math.max(view.highest, message.seq);
  tick.deliveredLive += 1;
  recordMs(deliveryHistogram, nowMs() - Number(message.text));
}

function connect(client: Client): Promise<void> {
  const socket = io(client.spec.url, { auth: client.spec.auth, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
  client.socket = socket;
  socket.on('message:new', (message: DeliveredMessage) => onDelivery(client, message));
  socket.on('disconnect', (reason) => {
    client.online = false;
    if (reason !== 'io client disconnect') tick.disconnects[reason] = (tick.disconnects[reason] ?? 0) + 1;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      client.online = true;
      client.everConnected = true;
      resolve();
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectAll(specs: readonly ClientSpec[], spreadMs: number): Promise<ConnectResult> {
  const histogram = latencyHistogram();
  const failed: Record<string, number> = {};
  let connected = 0;
  await Promise.all(
    specs.map(async (spec, n) => {
      const client = new Client(spec);
      clients.set(spec.userIndex, client);
      if (spreadMs > 0) await new Promise((resolve) => setTimeout(resolve, (spreadMs * n) / specs.length));
      const started = nowMs();
      try {
        await connect(client);
        recordMs(histogram, nowMs() - started);
        connected += 1;
      } catch (error) {
        const reason = (error as Error).message || 'error';
        failed[reason] = (failed[reason] ?? 0) + 1;
      }
    }),
  );
  const connectedPerChannel: Record<string, number> = {};
  for (const spec of specs) {
    if (!clients.get(spec.userIndex)?.everConnected) continue;
    for (const channel of spec.channels) connectedPerChannel[channel.id] = (connectedPerChannel[channel.id] ?? 0) + 1;
  }
  return { connected, failed, connectHistogram: encode(histogram), connectedPerChannel };
}

/** Sends one message from `client`; resolves when its ack (or the timeout) is in. */
function send(client: Client): Promise<void> {
  const channels = client.spec.channels;
  const channelId = channels[client.nextChannel++ % channels.length].id;
  counter += 1;
  const sentAt = nowMs();
  tick.sent += 1;
  return emitSend(client, { channelId, clientMsgId: `${prefix}${setup.workerIndex}-${counter}`, text: sentAt.toFixed(3) }, sentAt);
}

/**
 * A send whose socket was dropped before its ack may or may not be stored: like a real client, it
 * is sent again with the same clientMsgId after the reconnect (the server stores it once).
 */
function emitSend(client: Client, payload: SendPayload, sentAt: number): Promise<void> {
  const socket = client.socket as Socket;
  pendingAcks += 1;
  return new Promise((resolve) => {
    socket.timeout(ACK_TIMEOUT_MS).emit('message:send', payload, (error: Error | null, ack: SendAck) => {
      pendingAcks -= 1;
      if (error && client.dropped) client.unacked.push({ payload, sentAt });
      // socket.io fails a pending ack at once when its socket closes, else after the timeout.
      else if (error) reject(/disconnected/.test(error.message) ? 'DISCONNECTED' : 'TIMEOUT');
      else if (!ack.ok) reject(ack.error.code);
      else {
        tick.acked += 1;
        tick.expectedLive += socketsPerChannel[payload.channelId] ?? 0;
        ackedPerChannel[payload.channelId] = (ackedPerChannel[payload.channelId] ?? 0) + 1;
        recordMs(ackHistogram, nowMs() - sentAt);
      }
      resolve();
    });
  });
}

/** Sends at `rate` per second (rising linearly over the ramp), round robin over the online clients that have channels. */
function openLoop(rate: number, durationMs: number, rampMs: number): Promise<void> {
  const senders = [...clients.values()].filter((client) => client.spec.channels.length > 0);
  let turn = 0;
  let sent = 0;
  const started = performance.now();
  const dueBy = (elapsed: number) => {
    const ramp = Math.min(elapsed, rampMs);
    return rampMs > 0 ? (rate * (ramp * ramp)) / (2 * rampMs) / 1000 + (rate * (elapsed - ramp)) / 1000 : (rate * elapsed) / 1000;
  };
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(performance.now() - started, durationMs);
      const due = Math.floor(dueBy(elapsed)) - sent;
      for (let n = 0; n < due && senders.length > 0; n += 1) {
        // Skip clients that are offline (reconnect scenario); give up on this tick if none is.
        let client: Client | undefined;
        for (let tries = 0; tries < senders.length && !client; tries += 1) {
          const candidate = senders[turn++ % senders.length];
          if (candidate.online) client = candidate;
        }
        if (!client) break;
        void send(client);
        sent += 1;
      }
      if (elapsed >= durationMs) finish();
    }, 5);
    const finish = () => {
      clearInterval(timer);
      sending = undefined;
      resolve();
    };
    sending = finish;
  });
}

/** Each chosen client sends `count` messages, each after the previous one's ack ("as fast as acks come back"). */
async function closedLoop(count: number, userIndexes: readonly number[]): Promise<void> {
  let stopped = false;
  sending = () => {
    stopped = true;
  };
  await Promise.all(
    userIndexes.flatMap((index) => {
      const client = clients.get(index);
      if (!client || client.spec.channels.length === 0) return [];
      return [
        (async () => {
          for (let n = 0; n < count && !stopped && client.online; n += 1) await send(client);
        })(),
      ];
    }),
  );
  sending = undefined;
}

async function waitForAcks(): Promise<void> {
  const deadline = Date.now() + ACK_TIMEOUT_MS + 2_000;
  while (pendingAcks > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

function drop(userIndexes: readonly number[]): number {
  let dropped = 0;
  for (const index of userIndexes) {
    const client = clients.get(index);
    if (!client?.socket) continue;
    client.dropped = true;
    client.socket.close();
    client.online = false;
    dropped += 1;
  }
  return dropped;
}

/** Reconnects every offline client and fetches what it missed, per channel, with `afterSeq` = the last seq it saw. */
async function restore(): Promise<{ reconnected: number; failed: number }> {
  const offline = [...clients.values()].filter((client) => client.dropped);
  let failed = 0;
  await Promise.all(
    offline.map(async (client) => {
      // The last seq seen before the drop: live messages after the reconnect move `highest` past the gap.
      const lastSeen = new Map([...client.views].map(([channelId, view]) => [channelId, view.highest]));
      try {
        await connect(client);
        // Let the server put the socket in its rooms before reading the gap, so nothing falls between the two.
        await new Promise((resolve) => setTimeout(resolve, 500));
        client.dropped = false;
        const unacked = client.unacked.splice(0);
        resent += unacked.length;
        await Promise.all(unacked.map(({ payload, sentAt }) => emitSend(client, payload, sentAt)));
        for (const [channelId, view] of client.views) await recover(client, channelId, view, lastSeen.get(channelId) ?? 0);
      } catch {
        failed += 1;
      }
    }),
  );
  recoveryFailures += failed;
  return { reconnected: offline.length - failed, failed };
}

async function recover(client: Client, channelId: string, view: ChannelView, lastSeen: number): Promise<void> {
  let after = lastSeen;
  for (;;) {
    const response = await fetch(`${client.spec.url}/api/channels/${channelId}/messages?afterSeq=${after}&limit=${HISTORY_PAGE}`, {
      headers: { authorization: `Bearer ${client.spec.token ?? ''}` },
    });
    if (!response.ok) throw new Error(`history answered ${response.status}`);
    const page = ((await response.json()) as { items: DeliveredMessage[] }).items;
    for (const message of page) {
      if (!message.clientMsgId?.startsWith(prefix) || view.seqs.has(message.seq)) continue;
      view.seqs.add(message.seq);
      recovered += 1;
    }
    if (page.length < HISTORY_PAGE) return;
    after = page[page.length - 1].seq;
  }
}

function report(): WorkerReport {
  const seen: Record<string, { sockets: number; seen: number }> = {};
  for (const client of clients.values()) {
    if (!client.everConnected) continue;
    for (const [channelId, view] of client.views) {
      const entry = (seen[channelId] ??= { sockets: 0, seen: 0 });
      entry.sockets += 1;
      entry.seen += view.seqs.size;
    }
  }
  return { acked: ackedPerChannel, seen, recovered, recoveryFailures, resent };
}

function disconnect(userIndexes?: readonly number[]): void {
  for (const client of clients.values()) {
    if (userIndexes && !userIndexes.includes(client.spec.userIndex)) continue;
    client.socket?.close();
    client.online = false;
  }
}

async function run(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'connect':
      return connectAll(command.clients, command.spreadMs);
    case 'online':
      socketsPerChannel = command.socketsPerChannel;
      return undefined;
    case 'open-loop':
      return openLoop(command.rate, command.durationMs, command.rampMs);
    case 'closed-loop':
      return closedLoop(command.messagesPerClient, command.userIndexes);
    case 'stop-sending':
      sending?.();
      await waitForAcks();
      return flushTick();
    case 'drop':
      return drop(command.userIndexes);
    case 'restore':
      return restore();
    case 'flush':
      return flushTick();
    case 'disconnect':
      return disconnect(command.userIndexes);
    case 'report':
      return report();
  }
}

parentPort?.on('message', (message: { id: number; command: Command }) => {
  run(message.command).then(
    (result) => post({ type: 'reply', id: message.id, result }),
    (error: unknown) => post({ type: 'reply', id: message.id, error: String((error as Error)?.stack ?? error) }),
  );
});
const ticker = setInterval(() => post({ type: 'tick', tick: flushTick() }), 1000);
ticker.unref();
