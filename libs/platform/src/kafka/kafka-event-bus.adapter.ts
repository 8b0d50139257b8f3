import { randomUUID } from 'node:crypto';
import { OnApplicationShutdown } from '@nestjs/common';
import { Consumer, Kafka, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { EventBus } from '../kernel/event-bus';
import { kafkaClient } from './kafka-client';
import { ensureTopic, runFromLogEnd } from './kafka-topics';
import { LocalSubscribers } from '../events/local-subscribers';

export interface KafkaEventBusOptions {
  readonly brokers: readonly string[];
  /** One Kafka topic carries every logical topic of the bus (the logical one rides in a header). */
  readonly topic: string;
  readonly nodeId: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly logger?: Logger;
}

const TOPIC_HEADER = 'webchat-topic';

/**
 * EventBus across server nodes over Kafka. Each node consumes with a consumer
 * group of its own, made fresh at every start, so every node gets every event
 * and a node that starts late (or restarts) begins at the end of the log instead
 * of replaying old events. Order holds per key (one key, one partition).
 */
export class KafkaEventBus extends EventBus implements OnApplicationShutdown {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly consumer: Consumer;
  private readonly subscribers: LocalSubscribers;

  constructor(private readonly options: KafkaEventBusOptions) {
    super();
    this.kafka = kafkaClient(`webchat-${options.nodeId}`, options.brokers, options.logger);
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    this.consumer = this.kafka.consumer({
      groupId: `webchat-events-${options.nodeId}-${randomUUID()}`,
      // A fetch returns as soon as an event arrives; the wait only bounds an idle poll, and so how long close() takes.
      maxWaitTimeInMs: 500,
    });
    this.subscribers = new LocalSubscribers(options.logger);
  }

  /** Creates the topic if needed and joins it at its current end; resolves once events published from now on will arrive. */
  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topic, partitions = 6, replicationFactor = 1, logger } = this.options;
      await ensureTopic(admin, { topic, partitions, replicationFactor }, logger);
      await Promise.all([this.producer.connect(), this.consumer.connect()]);
      await runFromLogEnd(this.consumer, admin, topic, {
        eachMessage: async ({ message }) => {
          const logicalTopic = message.headers?.[TOPIC_HEADER]?.toString();
          if (logicalTopic === undefined || message.value === null) return;
          await this.subscribers.deliver(logicalTopic, JSON.parse(message.value.toString()));
        },
      });
    } finally {
      await admin.disconnect();
    }
  }

  async publish<T>(topic: string, event: T, key?: string): Promise<void> {
    await this.producer.send({
      topic: this.options.topic,
      acks: -1,
      messages: [{ key: key ?? topic, value: JSON.stringify(event), headers: { [TOPIC_HEADER]: topic } }],
    });
  }

  subscribe<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void {
    return this.subscribers.add(topic, handler);
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect()]);
  }
}
