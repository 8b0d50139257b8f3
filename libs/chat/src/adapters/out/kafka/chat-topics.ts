/** The chat log's Kafka names for a prefix (KAFKA_CHAT_PREFIX): one place, for the producer and the consumers. */
export function chatTopics(prefix: string) {
  return {
    /** Drafts, keyed by channel id. */
    drafts: `${prefix}.messages`,
    /** Stored batches, keyed by channel id. */
    stored: `${prefix}.persisted`,
    /** The persist stage's consumer group: the owner of a partition is the only writer of its channels. */
    persistGroup: `${prefix}-persist`,
    /** This process's delivery group: a fresh one per start, so it reads from the log's end. */
    deliveryGroup: (nodeId: string, instance: string) => `${prefix}-fanout-${nodeId}-${instance}`,
  };
}
