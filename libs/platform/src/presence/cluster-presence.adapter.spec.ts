import { MemoryEventBus } from '../events/memory-event-bus.adapter';
import { EventBus } from '../kernel/event-bus';
import { PresenceChange } from '../kernel/presence';
import { ClusterPresence, ClusterPresenceOptions, PRESENCE_TOPIC } from './cluster-presence.adapter';
import { presenceContract } from './presence.contract';

const quick = (nodeId: string, overrides: Partial<ClusterPresenceOptions> = {}): ClusterPresenceOptions => ({
  nodeId,
  heartbeatMs: 50,
  nodeTimeoutMs: 200,
  offlineGraceMs: 0,
  ...overrides,
});

async function startNode(bus: EventBus, options: ClusterPresenceOptions): Promise<ClusterPresence> {
  const presence = new ClusterPresence(bus, options);
  await presence.start();
  return presence;
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ClusterPresence, a cluster of one (the embedded mode)', () => {
  presenceContract(async () => {
    const presence = await startNode(new MemoryEventBus(), quick('only'));
    return { presence, close: () => presence.stop() };
  });
});

// Several nodes on one bus: each ClusterPresence is a node of its own (events carry the node id).
describe('ClusterPresence across nodes', () => {
  let bus: MemoryEventBus;
  let nodes: ClusterPresence[];
  beforeEach(() => {
    bus = new MemoryEventBus();
    nodes = [];
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });
  const node = async (id: string, overrides: Partial<ClusterPresenceOptions> = {}) => {
    const started = await startNode(bus, quick(id, overrides));
    nodes.push(started);
    return started;
  };

  it('counts a user online everywhere while a socket of theirs is on any node, and tells each node once', async () => {
    const [a, b] = [await node('a'), await node('b')];
    const seenByB: PresenceChange[] = [];
    b.watch((change) => void seenByB.push(change));

    expect(await a.connected('u', 's1')).toBe(true);
    await settle();
    expect(await b.isOnline('u')).toBe(true);
    expect(await b.connected('u', 's2')).toBe(false);
    expect(await a.disconnected('u', 's1')).toBe(false);
    await settle();
    expect(await a.isOnline('u')).toBe(true);
    expect(await b.disconnected('u', 's2')).toBe(true);
    await settle();
    expect(await a.isOnline('u')).toBe(false);
    expect(seenByB).toEqual([
      { userId: 'u', online: true },
      { userId: 'u', online: false },
    ]);
  });

  it('lets a node that starts late know at once who is online elsewhere', async () => {
    const early = await node('early', { heartbeatMs: 60_000 });
    await early.connected('u', 's1');
    const late = await node('late', { heartbeatMs: 60_000 });
    await settle();
    expect(await late.isOnline('u')).toBe(true);
  });

  it("takes a silent node's users offline after the node timeout, telling the watchers", async () => {
    const survivor = await node('survivor');
    const changes: PresenceChange[] = [];
    survivor.watch((change) => void changes.push(change));
    // A node that said one of its users came online, then never spoke again (it died).
    await bus.publish(PRESENCE_TOPIC, { nodeId: 'ghost', kind: 'online', userId: 'g' }, 'ghost');
    await settle();
    expect(await survivor.isOnline('g')).toBe(true);
    await settle(400);
    expect(await survivor.isOnline('g')).toBe(false);
    expect(changes).toEqual([
      { userId: 'g', online: true },
      { userId: 'g', online: false },
    ]);
  });

  it('does not flap when the last socket comes back within the grace (a page reload)', async () => {
    const [a, b] = [await node('a', { offlineGraceMs: 150 }), await node('b')];
    const seenByB: PresenceChange[] = [];
    b.watch((change) => void seenByB.push(change));
    await a.connected('u', 'old-tab');
    const leaving = a.disconnected('u', 'old-tab');
    await settle(50);
    expect(await a.isOnline('u')).toBe(true);
    expect(await a.connected('u', 'new-tab')).toBe(false);
    expect(await leaving).toBe(false);
    await settle(200);
    expect(await b.isOnline('u')).toBe(true);
    expect(seenByB).toEqual([{ userId: 'u', online: true }]);
  });
});
