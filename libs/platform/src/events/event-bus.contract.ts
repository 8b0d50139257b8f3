import { EventBus } from '../kernel/event-bus';

/**
 * One cluster of server nodes sharing a bus. `startNode` brings up one node's
 * adapter, ready to receive; `close` stops every node it started.
 */
export interface EventBusCluster {
  startNode(): Promise<EventBus>;
  close(): Promise<void>;
}

/** How long a test waits for events that should arrive, and listens for ones that should not. */
export interface EventBusTiming {
  readonly deliveryTimeoutMs: number;
  readonly quietPeriodMs: number;
}

interface Received<T> {
  readonly events: T[];
  /** Resolves when `count` events arrived; rejects, naming what did arrive, after the timeout. */
  atLeast(count: number): Promise<T[]>;
}

/** The EventBus contract, run against every adapter (in-process always, Kafka when a broker answers). */
export function eventBusContract(openCluster: () => Promise<EventBusCluster>, timing: EventBusTiming): void {
  let cluster: EventBusCluster;
  beforeEach(async () => {
    cluster = await openCluster();
  });
  afterEach(() => cluster.close());

  function receive<T>(bus: EventBus, topic: string): Received<T> {
    const events: T[] = [];
    bus.subscribe<T>(topic, (event) => void events.push(event));
    return {
      events,
      atLeast: async (count) => {
        const deadline = Date.now() + timing.deliveryTimeoutMs;
        while (events.length < count && Date.now() < deadline) await sleep(10);
        if (events.length < count) throw new Error(`expected ${count} events on '${topic}', got ${JSON.stringify(events)}`);
        return events;
      },
    };
  }

  it('delivers each event to every subscriber on every node, and only on its own topic', async () => {
    const first = await cluster.startNode();
    const second = await cluster.startNode();
    const onFirst = receive<{ n: number }>(first, 'members');
    const onFirstAgain = receive<{ n: number }>(first, 'members');
    const onSecond = receive<{ n: number }>(second, 'members');
    const otherTopic = receive<{ n: number }>(second, 'typing');

    await first.publish('members', { n: 1 });
    await second.publish('members', { n: 2 });

    for (const received of [onFirst, onFirstAgain, onSecond]) {
      expect((await received.atLeast(2)).map((event) => event.n).sort()).toEqual([1, 2]);
    }
    await sleep(timing.quietPeriodMs);
    expect(onFirst.events).toHaveLength(2);
    expect(onSecond.events).toHaveLength(2);
    expect(otherTopic.events).toEqual([]);
  });

  it('keeps the publish order of events with the same key, on every node', async () => {
    const publisher = await cluster.startNode();
    const listener = await cluster.startNode();
    const local = receive<{ key: string; n: number }>(publisher, 'members');
    const remote = receive<{ key: string; n: number }>(listener, 'members');

    const keys = ['channel-a', 'channel-b', 'channel-c'];
    const sends: Promise<void>[] = [];
    for (let n = 0; n < 60; n += 1) {
      const key = keys[n % keys.length];
      sends.push(publisher.publish('members', { key, n }, key));
    }
    await Promise.all(sends);

    for (const received of [local, remote]) {
      const events = await received.atLeast(60);
      for (const key of keys) {
        const order = events.filter((event) => event.key === key).map((event) => event.n);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(order).toHaveLength(20);
      }
    }
  });

  it('does not replay events published before a node started', async () => {
    const early = await cluster.startNode();
    const onEarly = receive<{ n: number }>(early, 'members');
    await early.publish('members', { n: 1 });
    await onEarly.atLeast(1);

    const late = await cluster.startNode();
    const onLate = receive<{ n: number }>(late, 'members');
    await early.publish('members', { n: 2 });

    expect((await onLate.atLeast(1)).map((event) => event.n)).toEqual([2]);
    await sleep(timing.quietPeriodMs);
    expect(onLate.events.map((event) => event.n)).toEqual([2]);
    expect(onEarly.events.map((event) => event.n)).toEqual([1, 2]);
  });

  it('hands handlers plain JSON data, and a throwing handler neither reaches the publisher nor stops the others', async () => {
    const node = await cluster.startNode();
    node.subscribe('members', () => {
      throw new Error('handler failure');
    });
    const received = receive<{ at: string; nested: { list: number[] } }>(node, 'members');

    await expect(node.publish('members', { at: new Date(0), nested: { list: [1, 2] } })).resolves.toBeUndefined();
    await node.publish('members', { at: new Date(1000), nested: { list: [] } });

    expect(await received.atLeast(2)).toEqual([
      { at: '1970-01-01T00:00:00.000Z', nested: { list: [1, 2] } },
      { at: '1970-01-01T00:00:01.000Z', nested: { list: [] } },
    ]);
  });

  it('stops delivering to a handler after it unsubscribes', async () => {
    const node = await cluster.startNode();
    const stopped: unknown[] = [];
    const stop = node.subscribe('members', (event) => void stopped.push(event));
    const still = receive<{ n: number }>(node, 'members');

    await node.publish('members', { n: 1 });
    await still.atLeast(1);
    stop();
    await node.publish('members', { n: 2 });
    await still.atLeast(2);

    expect(stopped).toEqual([{ n: 1 }]);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
