import { randomUUID } from 'node:crypto';
import { Consumer, EachBatchPayload, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { ensureTopic, kafkaLogCreator, runFromLogEnd } from '@webchat/platform/kafka';
import { DraftBatchHandler, MessageBus, StoredBatchHandler } from '../../../application/ports/message-bus.port';
import { AppendOutcome } from '../../../application/ports/message-store.port';
import { MessageDraft } from '../../../domain/message';
import { decodeDraft, decodeOutcomes, encodeDraft, encodeOutcomes } from './message-codec';
import { ProduceBatcher } from './produce-batcher';
import { gauge } from '../metrics/prometheus-metric';

const persistLag = gauge({
  name: 'chat_persist_consumer_lag',
  help: 'Drafts on a partition of the chat log not yet stored, as this node last saw it',
  labelNames: ['partition'],
});

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly nodeId: string;
  /** `<prefix>.messages` (drafts), `<prefix>.persisted` (stored batches), group `<prefix>-persist`. */
  readonly prefix: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  /** The most drafts handed to the store in one call. */
  readonly maxBatch: number;
  readonly logger?: Logger;
}

/**
 * The durable message log on Kafka (DESIGN §4). Drafts are keyed by channel, so a channel
 * lives on one partition and its owner in the persist group is its only writer; offsets are
 * committed only after the store has the batch (a crash replays it, and the store's retry
 * key makes the replay harmless). Stored batches go to `<prefix>.persisted`, which every
 * node reads from its end with a group of its own. Written on kafkajs' eachBatch: Nest's
 * Kafka transport hands over one message at a time, which cannot batch the store.
 */
export class KafkaMessageBus extends MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly persistConsumer: Consumer;
  private readonly fanOutConsumer: Consumer;
  private readonly drafts: ProduceBatcher;
  private readonly stored: ProduceBatcher;
  private persist?: DraftBatchHandler;
  private fanOut?: StoredBatchHandler;

  constructor(private readonly options: KafkaMessageBusOptions) {
    super();
    this.kafka = new Kafka({
      clientId: `webchat-chat-${options.nodeId}`,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(options.logger),
    });
    // Idempotent: a produce retried after a lost answer is not written twice.
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    this.persistConsumer = this.kafka.consumer({ groupId: `${options.prefix}-persist`, maxWaitTimeInMs: 500 });
    this.fanOutConsumer = this.kafka.consumer({ groupId: `${options.prefix}-fanout-${options.nodeId}-${randomUUID()}`, maxWaitTimeInMs: 500 });
    this.drafts = new ProduceBatcher(this.producer, this.draftsTopic);
    this.stored = new ProduceBatcher(this.producer, this.storedTopic);
  }

  private get draftsTopic(): string {
    return `${this.options.prefix}.messages`;
  }

  private get storedTopic(): string {
    return `${this.options.prefix}.persisted`;
  }

  async publishDraft(draft: MessageDraft): Promise<void> {
    await this.drafts.send({ key: draft.channelId, value: encodeDraft(draft) });
  }

  consumeDrafts(handler: DraftBatchHandler): void {
    this.persist = handler;
  }

  async publishStored(outcomes: readonly AppendOutcome[]): Promise<void> {
    const byChannel = new Map<string, AppendOutcome[]>();
    for (const outcome of outcomes) byChannel.set(outcome.message.channelId, [...(byChannel.get(outcome.message.channelId) ?? []), outcome]);
    await Promise.all([...byChannel].map(([channelId, ofChannel]) => this.stored.send({ key: channelId, value: encodeOutcomes(ofChannel) })));
  }

  consumeStored(handler: StoredBatchHandler): void {
    this.fanOut = handler;
  }

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { partitions, replicationFactor = 1, logger } = this.options;
      await ensureTopic(admin, { topic: this.draftsTopic, partitions, replicationFactor }, logger);
      await ensureTopic(admin, { topic: this.storedTopic, partitions, replicationFactor }, logger);
      await Promise.all([this.producer.connect(), this.persistConsumer.connect(), this.fanOutConsumer.connect()]);
      await runFromLogEnd(this.fanOutConsumer, admin, this.storedTopic, { eachBatch: (payload) => this.fanOutBatch(payload) });
      // A new persist group starts at the beginning: no draft published before it existed is lost.
      await this.persistConsumer.subscribe({ topic: this.draftsTopic, fromBeginning: true });
      await this.persistConsumer.run({ eachBatchAutoResolve: false, autoCommitThreshold: 1, eachBatch: (payload) => this.persistBatch(payload) });
    } finally {
      await admin.disconnect();
    }
  }

  /** Leaves both groups (kafkajs lets the batch in hand finish first), then closes the producer. */
  async stop(): Promise<void> {
    await Promise.allSettled([this.persistConsumer.disconnect(), this.fanOutConsumer.disconnect()]);
    await this.producer.disconnect().catch(() => undefined);
  }

  private async persistBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const handler = this.persist;
    if (!handler) throw new Error('no persist stage registered');
    for (let start = 0; start < batch.messages.length; start += this.options.maxBatch) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.options.maxBatch);
      const drafts = chunk.filter((message) => message.value !== null).map((message) => decodeDraft(message.value as Buffer));
      // Throws on failure: the offset stays where it was and kafkajs offers the batch again.
      await handler(drafts);
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      persistLag.set({ partition: String(batch.partition) }, Math.max(0, Number(batch.highWatermark) - Number(last) - 1));
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  private async fanOutBatch({ batch, resolveOffset, heartbeat }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (message.value !== null && this.fanOut) {
        await this.fanOut(decodeOutcomes(message.value)).catch((error: unknown) => this.options.logger?.error({ err: error }, 'message fan-out failed'));
      }
      resolveOffset(message.offset);
    }
    await heartbeat();
  }
}
