import { eventBusContract } from './event-bus.contract';
import { MemoryEventBus } from './memory-event-bus.adapter';

// The embedded mode is one node: every "node" of the cluster is the same in-process bus.
describe('MemoryEventBus', () => {
  eventBusContract(
    async () => {
      const bus = new MemoryEventBus();
      return { startNode: async () => bus, close: async () => undefined };
    },
    { deliveryTimeoutMs: 1000, quietPeriodMs: 20 },
  );
});
