import { randomBytes } from 'node:crypto';
import { deleteKafkaTestTopics, describeOnKafka, kafkaTestBrokers } from '@webchat/platform/testing';
import { chatTopics } from '../../out/kafka/chat-topics';
import { messagePipelineContract } from '../message-pipeline.contract';

// Each test gets a topic prefix of its own (its own topics and consumer groups), so tests and parallel runs never meet.
describeOnKafka('chat pipeline on Kafka (BUS=kafka)', () => {
  messagePipelineContract(
    async () => {
      const prefix = `webchat-test-chat-${randomBytes(6).toString('hex')}`;
      const topics = chatTopics(prefix);
      return {
        env: { BUS: 'kafka', KAFKA_BROKERS: kafkaTestBrokers().join(','), KAFKA_CHAT_PREFIX: prefix, KAFKA_CHAT_PARTITIONS: '3' },
        maxNodes: 2,
        close: () => deleteKafkaTestTopics([topics.drafts, topics.stored]),
      };
    },
    { deliveryTimeoutMs: 20_000, quietPeriodMs: 1_000 },
  );
});
