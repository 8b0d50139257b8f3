import { Admin, Consumer, ConsumerRunConfig } from 'kafkajs';
import type { Logger } from 'pino';
import { retryWhileRetriable } from './retry-while-retriable';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * Creates the topic when missing. kafkajs answers false, not an error, when it exists (another
 * node may have made it first). A broker that refuses admin requests (librdkafka's mock
 * cluster, a locked-down cluster) leaves the topic to automatic creation on first use.
 */
export async function ensureTopic(admin: Admin, spec: TopicSpec, logger?: Logger): Promise<void> {
  try {
    // Asked first, so a node starting beside another rarely meets "already exists" (kafkajs logs it as an error).
    if ((await admin.listTopics()).includes(spec.topic)) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: spec.topic, numPartitions: spec.partitions, replicationFactor: spec.replicationFactor }],
    });
  } catch (error) {
    logger?.warn({ err: error, topic: spec.topic }, 'could not create the topic; relying on automatic topic creation');
  }
}

/**
 * Runs a consumer of a group made for this process from the topic's current end: resolves
 * once it has joined, and from then on everything published after the call began arrives;
 * nothing older is replayed. The consumer must be connected.
 */
export async function runFromLogEnd(consumer: Consumer, admin: Admin, topic: string, run: ConsumerRunConfig): Promise<void> {
  await consumer.subscribe({ topic, fromBeginning: false });
  // Leadership of a topic made a moment ago may not have reached every broker's metadata yet.
  const ends = await retryWhileRetriable(() => admin.fetchTopicOffsets(topic));
  // Seek on the first join, which kafkajs announces synchronously before its first fetch.
  const joined = firstGroupJoin(consumer, () => {
    for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
  });
  await consumer.run(run);
  await joined;
}

/** Resolves on the consumer's first GROUP_JOIN, after running `onJoin`; rejects after 30 s. */
export function firstGroupJoin(consumer: Consumer, onJoin: () => void = () => undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the consumer did not join its group within 30 s')), 30_000);
    const stop = consumer.on(consumer.events.GROUP_JOIN, () => {
      clearTimeout(timer);
      stop();
      onJoin();
      resolve();
    });
  });
}
