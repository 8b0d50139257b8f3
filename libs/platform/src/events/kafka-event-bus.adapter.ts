import { randomUUID } from 'node:crypto';
import { OnApplicationShutdown } from '@nestjs/common';
import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { EventBus } from '../kernel/event-bus';
import { kafkaLogCreator } from './kafka-log-creator';
import { retryWhileRetriable } from './retry-while-retriable';
import { LocalSubscribers } from './local-subscribers';

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
    this.kafka = new Kafka({
      clientId: `webchat-${options.nodeId}`,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(options.logger),
    });
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
      await this.ensureTopic(admin);
      await Promise.all([this.producer.connect(), this.consumer.connect()]);
      await this.consumer.subscribe({ topic: this.options.topic, fromBeginning: false });
      // Leadership of a topic made a moment ago may not have reached every broker's metadata yet.
      const ends = await retryWhileRetriable(() => admin.fetchTopicOffsets(this.options.topic));
      // Pin the start to the ends read before joining, before the first fetch: nothing published
      // after start() began is skipped, nothing older is replayed.
      const joined = this.firstGroupJoin(() => {
        for (const { partition, offset } of ends) this.consumer.seek({ topic: this.options.topic, partition, offset });
      });
      await this.consumer.run({
        eachMessage: async ({ message }) => {
          const topic = message.headers?.[TOPIC_HEADER]?.toString();
          if (topic === undefined || message.value === null) return;
          await this.subscribers.deliver(topic, JSON.parse(message.value.toString()));
        },
      });
      await joined;
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

  /**
   * kafkajs answers false, not an error, when the topic exists (another node may have made it first).
   * A broker that refuses admin requests (librdkafka's mock cluster, a locked-down cluster) leaves
   * the topic to automatic creation when the consumer subscribes.
   */
  private async ensureTopic(admin: Admin): Promise<void> {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: this.options.topic, numPartitions: this.options.partitions ?? 6, replicationFactor: this.options.replicationFactor ?? 1 }],
      });
    } catch (error) {
      this.options.logger?.warn({ err: error, topic: this.options.topic }, 'could not create the events topic; relying on automatic topic creation');
    }
  }

  /** kafkajs emits GROUP_JOIN synchronously before its first fetch, so `onJoin` runs before any message is read. */
  private firstGroupJoin(onJoin: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the event bus consumer did not join its group within 30 s')), 30_000);
      const stop = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        stop();
        onJoin();
        resolve();
      });
    });
  }
}
