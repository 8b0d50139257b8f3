import { randomBytes } from 'node:crypto';
import { deleteKafkaTestTopics, describeOnKafka, kafkaTestBrokers } from '../testing';
import { eventBusContract } from '../events/event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus.adapter';

// Each test gets a topic of its own, so tests and parallel runs never see each other's events.
describeOnKafka('KafkaEventBus', () => {
  eventBusContract(
    async () => {
      const topic = `webchat-test-events-${randomBytes(6).toString('hex')}`;
      const nodes: KafkaEventBus[] = [];
      return {
        startNode: async () => {
          const bus = new KafkaEventBus({ brokers: kafkaTestBrokers(), topic, nodeId: `node-${nodes.length + 1}`, partitions: 3 });
          nodes.push(bus);
          await bus.start();
          return bus;
        },
        close: async () => {
          await Promise.all(nodes.map((bus) => bus.close()));
          await deleteKafkaTestTopics([topic]);
        },
      };
    },
    { deliveryTimeoutMs: 15_000, quietPeriodMs: 1_000 },
  );
});
