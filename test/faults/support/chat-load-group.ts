import { ProcessCluster } from '../../support/process-cluster';
import { AckTiming, ChatTally, emptyTally, LoadClient } from './chat-load';

export interface ChatLoadShape {
  readonly channels: number;
  readonly membersPerChannel: number;
  /** Messages per second of each client. */
  readonly ratePerClient: number;
}

/** When the service answered again after a fault: the first ack, and the moment every channel had one. */
export interface Recovery {
  readonly firstAckSeconds: number;
  readonly everyChannelSeconds: number;
}

/**
 * The chat load of the fault suite: public channels whose members each run a LoadClient, half of
 * them at home on each node, all ticking from one timer. Keeps every ack's timing to tell when
 * the service answered again after a fault.
 */
export class ChatLoadGroup {
  private timer?: NodeJS.Timeout;

  private constructor(
    readonly clients: LoadClient[],
    readonly channelIds: string[],
    private readonly ratePerClient: number,
    /** Every ack's timing, pushed by the clients. */
    private readonly timings: AckTiming[],
  ) {}

  static async open(cluster: ProcessCluster, nodes: readonly string[], shape: ChatLoadShape): Promise<ChatLoadGroup> {
    const clients: LoadClient[] = [];
    const channelIds: string[] = [];
    const timings: AckTiming[] = [];
    for (let c = 0; c < shape.channels; c += 1) {
      const owner = await cluster.signUp(nodes[0], `Owner${c}`);
      const { id: channelId } = await cluster.expect<{ id: string }>(201, nodes[0], 'POST', '/api/channels', owner, { name: `faults ${c}` });
      channelIds.push(channelId);
      const members = [owner];
      for (let m = 1; m < shape.membersPerChannel; m += 1) {
        const member = await cluster.signUp(nodes[m % nodes.length], `Member${c}x${m}`);
        await cluster.expect(200, nodes[m % nodes.length], 'POST', `/api/channels/${channelId}/join`, member, {});
        members.push(member);
      }
      members.forEach((user, m) => clients.push(new LoadClient(cluster, user, channelId, nodes[(c + m) % nodes.length], (timing) => timings.push(timing))));
    }
    await Promise.all(clients.map((client) => client.connect()));
    return new ChatLoadGroup(clients, channelIds, shape.ratePerClient, timings);
  }

  start(): void {
    this.timer ??= setInterval(() => this.clients.forEach((client) => client.tick()), 1000 / this.ratePerClient);
  }

  /** Stops new messages; the clients keep sending again what is not acked. */
  stopProducing(): void {
    this.clients.forEach((client) => client.stopProducing());
  }

  startProducing(): void {
    this.clients.forEach((client) => client.startProducing());
  }

  /** Waits until every message sent was acked (resent as often as needed); false when the time ran out. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.clients.some((client) => client.unackedCount > 0)) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  }

  /** Seconds from `since` to the first ack of an attempt sent after it, and until every channel had one (undefined: not yet). */
  recoveryAfter(since: number): Recovery | undefined {
    const firstPerChannel = new Map<string, number>();
    for (const timing of this.timings) {
      if (timing.attemptAt < since) continue;
      const first = firstPerChannel.get(timing.channelId);
      if (first === undefined || timing.ackAt < first) firstPerChannel.set(timing.channelId, timing.ackAt);
    }
    if (firstPerChannel.size < this.channelIds.length) return undefined;
    const times = [...firstPerChannel.values()];
    return { firstAckSeconds: (Math.min(...times) - since) / 1000, everyChannelSeconds: (Math.max(...times) - since) / 1000 };
  }

  /** Waits until every channel acked a send made after `since`; undefined when `timeoutMs` ran out first. */
  async waitForRecovery(since: number, timeoutMs: number): Promise<Recovery | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const recovery = this.recoveryAfter(since);
      if (recovery || Date.now() > deadline) return recovery;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  tally(): ChatTally {
    const sum = emptyTally();
    for (const client of this.clients) for (const key of Object.keys(sum) as (keyof ChatTally)[]) sum[key] += client.tally[key];
    return sum;
  }

  problems(): string[] {
    return this.clients.flatMap((client) => client.problems);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clients.forEach((client) => client.close());
  }
}
