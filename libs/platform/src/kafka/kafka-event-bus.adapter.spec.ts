import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { describeOnKafka, kafkaTestBrokers } from '../testing';
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
          await deleteTopic(topic);
        },
      };
    },
    { deliveryTimeoutMs: 15_000, quietPeriodMs: 1_000 },
  );
});

/** Tidies the broker; the fallback mock cluster refuses admin calls and forgets its topics anyway. */
async function deleteTopic(topic: string): Promise<void> {
  const admin = new Kafka({ brokers: kafkaTestBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}
