import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Admin, Consumer, ConsumerRunConfig, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { KafkaBatchContext } from './kafka-batch-context';
import { KafkaBatchSubscription } from './kafka-batch-subscription';
import { kafkaClient } from './kafka-client';
import { runFromLogEnd } from './kafka-topics';

export interface KafkaBatchTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly subscriptions: readonly KafkaBatchSubscription[];
  readonly logger?: Logger;
}

/**
 * A Nest microservice transport that consumes in batches (DESIGN §2 "Batch consumption"): Nest's
 * built-in Kafka transport calls a handler once per message, which cannot give a store one
 * transaction per batch. Each subscription gets a kafkajs consumer on `eachBatch`; a fetched batch
 * is decoded once, split into chunks of at most `maxBatch` records, and each chunk goes to the
 * `@EventPattern(subscription.pattern)` handler as one array. Its offset is committed only after
 * the handler's promise resolves; a handler that throws commits nothing and kafkajs offers the
 * chunk again (at-least-once: handlers must be idempotent). A record that cannot be decoded would
 * fail every retry, so it is logged and skipped instead of stalling its partition. A record the
 * handler refuses every time (a poison message) is not skipped: kafkajs retries with backoff, then
 * restarts the consumer (leaving and rejoining its group) and tries again, so its partition stalls,
 * its lag grows and the error is logged on every try, until the handler or the record is mended.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private readonly kafka: Kafka;
  private readonly consumers: Consumer[] = [];
  private closing?: Promise<void>;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
    this.kafka = kafkaClient(options.clientId, options.brokers, options.logger);
  }

  /** Called by `startAllMicroservices()`: answers once every consumer runs (an `end` one once it has joined). */
  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Leaves the groups; kafkajs lets the chunk in hand finish (and commit) first. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= Promise.allSettled(this.consumers.map((consumer) => consumer.disconnect())).then(() => undefined);
    return this.closing;
  }

  on(): never {
    throw new Error('KafkaBatchTransport emits no events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }

  private async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const subscription of this.options.subscriptions) await this.consume(subscription, admin);
    } finally {
      await admin.disconnect();
    }
  }

  private async consume(subscription: KafkaBatchSubscription, admin: Admin): Promise<void> {
    const handler = this.getHandlerByPattern(subscription.pattern);
    if (!handler) throw new Error(`no @EventPattern('${subscription.pattern}') handler for the topic ${subscription.topic}`);
    // A fetch returns as soon as records arrive; the wait only bounds an idle poll, and so how long close() takes.
    const consumer = this.kafka.consumer({ groupId: subscription.groupId, maxWaitTimeInMs: 500 });
    this.consumers.push(consumer);
    await consumer.connect();
    const run: ConsumerRunConfig = {
      eachBatchAutoResolve: false,
      // Resolved offsets are committed at once by commitOffsetsIfNecessary(), and only resolved ones.
      autoCommitThreshold: 1,
      eachBatch: (payload) => this.handOver(subscription, handler, payload),
    };
    if (subscription.start === 'end') return runFromLogEnd(consumer, admin, subscription.topic, run);
    await consumer.subscribe({ topic: subscription.topic, fromBeginning: true });
    await consumer.run(run);
  }

  private async handOver(subscription: KafkaBatchSubscription, handler: MessageHandler, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    for (let start = 0; start < batch.messages.length; start += subscription.maxBatch) {
      // Stopping, or the partition went to another member in a rebalance: leave the rest uncommitted.
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + subscription.maxBatch);
      const lastOffset = chunk[chunk.length - 1].offset;
      const records = this.decodeAll(subscription, batch.partition, chunk);
      if (records.length > 0) {
        const context = new KafkaBatchContext([batch.topic, batch.partition, lastOffset, batch.highWatermark]);
        try {
          // Nest's event handler answers a promise, or an observable that errors when the handler threw.
          await lastValueFrom(this.transformToObservable(handler(records, context)), { defaultValue: undefined });
        } catch (error) {
          this.options.logger?.error({ err: error, topic: batch.topic, partition: batch.partition, records: records.length }, 'batch handler failed; offset not committed, the batch comes again');
          throw error instanceof Error ? error : new Error(`batch handler failed on ${batch.topic}/${batch.partition}`);
        }
      }
      resolveOffset(lastOffset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private decodeAll(subscription: KafkaBatchSubscription, partition: number, chunk: readonly KafkaMessage[]): unknown[] {
    const records: unknown[] = [];
    for (const message of chunk) {
      if (message.value === null) continue;
      try {
        records.push(subscription.decode(message.value));
      } catch (error) {
        this.options.logger?.error({ err: error, topic: subscription.topic, partition, offset: message.offset }, 'undecodable record skipped');
      }
    }
    return records;
  }
}
