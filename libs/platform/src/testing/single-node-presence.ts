import { MemoryEventBus } from '../events/memory-event-bus.adapter';
import { ClusterPresence } from '../presence/cluster-presence.adapter';

/** The production presence as a cluster of one, with no grace before offline: for unit tests of other libraries. */
export function singleNodePresence(): ClusterPresence {
  return new ClusterPresence(new MemoryEventBus(), { nodeId: 'test-node', heartbeatMs: 60_000, nodeTimeoutMs: 180_000, offlineGraceMs: 0 });
}
