import { randomUUID } from 'node:crypto';
import { KafkaBatchSubscription } from '@webchat/platform/kafka';
import { chatTopics } from '../../out/kafka/chat-topics';
import { decodeEntry, decodeStored } from '../../out/kafka/message-codec';
import { DRAFTS_PATTERN, STORED_PATTERN } from './chat-event-patterns';

export interface ChatSubscriptionSettings {
  readonly prefix: string;
  readonly nodeId: string;
  /** The most drafts in one store transaction (MESSAGE_BATCH_MAX). */
  readonly maxBatch: number;
}

/**
 * What this node consumes: the drafts (with the edits and deletes between them) as a member of
 * the shared persist group (from its committed offsets, so a new partition owner continues where the last commit left), and the
 * stored batches with a group of its own, from the log's end (old messages are history, not news).
 */
export function chatBatchSubscriptions({ prefix, nodeId, maxBatch }: ChatSubscriptionSettings): KafkaBatchSubscription[] {
  const topics = chatTopics(prefix);
  return [
    { pattern: DRAFTS_PATTERN, topic: topics.drafts, groupId: topics.persistGroup, start: 'committed', maxBatch, decode: decodeEntry },
    { pattern: STORED_PATTERN, topic: topics.stored, groupId: topics.deliveryGroup(nodeId, randomUUID()), start: 'end', maxBatch, decode: decodeStored },
  ];
}
