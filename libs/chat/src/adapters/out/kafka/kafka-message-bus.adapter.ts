import { Kafka, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { ensureTopic, kafkaClient } from '@webchat/platform/kafka';
import { isChangeOutcome, MessageBus, StoredEntry } from '../../../application/ports/message-bus.port';
import { MessageDraft } from '../../../domain/message';
import { MessageChange } from '../../../domain/message-change';
import { chatTopics } from './chat-topics';
import { encodeChange, encodeDraft, encodeStored } from './message-codec';
import { ProduceBatcher } from './produce-batcher';

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly nodeId: string;
  /** `<prefix>.messages` (drafts) and `<prefix>.persisted` (stored batches). */
  readonly prefix: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  readonly logger?: Logger;
}

/**
 * The publishing side of the durable message log on Kafka (DESIGN §4). Drafts, edits and deletes
 * are keyed by channel on one topic, so a channel lives on one partition and its owner in the
 * persist group is its only writer; stored batches go to `<prefix>.persisted`, keyed by channel too. One idempotent
 * producer (acks -1) serves both, each topic through a batcher. The consuming side is the
 * KafkaBatchTransport's handlers in adapters/in/kafka.
 */
export class KafkaMessageBus extends MessageBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly drafts: ProduceBatcher;
  private readonly stored: ProduceBatcher;

  constructor(private readonly options: KafkaMessageBusOptions) {
    super();
    this.kafka = kafkaClient(`webchat-chat-${options.nodeId}`, options.brokers, options.logger);
    // Idempotent: a produce retried after a lost answer is not written twice.
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    const topics = chatTopics(options.prefix);
    this.drafts = new ProduceBatcher(this.producer, topics.drafts);
    this.stored = new ProduceBatcher(this.producer, topics.stored);
  }

  async publishDraft(draft: MessageDraft): Promise<void> {
    await this.drafts.send({ key: draft.channelId, value: encodeDraft(draft) });
  }

  /** On the drafts' topic and key: the change is read after the channel's drafts published before it. */
  async publishChange(change: MessageChange): Promise<void> {
    await this.drafts.send({ key: change.channelId, value: encodeChange(change) });
  }

  /** One record per channel, its entries in log order (a channel's records stay on one partition). */
  async publishStored(entries: readonly StoredEntry[]): Promise<void> {
    const byChannel = new Map<string, StoredEntry[]>();
    for (const entry of entries) {
      const channelId = isChangeOutcome(entry) ? entry.channelId : entry.message.channelId;
      const ofChannel = byChannel.get(channelId);
      if (ofChannel) ofChannel.push(entry);
      else byChannel.set(channelId, [entry]);
    }
    await Promise.all([...byChannel].map(([channelId, ofChannel]) => this.stored.send({ key: channelId, value: encodeStored(ofChannel) })));
  }

  /** Creates both topics when missing (before any consumer subscribes to them) and connects the producer. */
  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { partitions, replicationFactor = 1, logger } = this.options;
      const topics = chatTopics(this.options.prefix);
      await ensureTopic(admin, { topic: topics.drafts, partitions, replicationFactor }, logger);
      await ensureTopic(admin, { topic: topics.stored, partitions, replicationFactor }, logger);
      await this.producer.connect();
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }
}
