import { randomBytes } from 'node:crypto';
import { createMysqlSchema, describeOnKafka, describeOnMysql, kafkaTestBrokers } from '@webchat/platform/testing';
import type { TestApp } from './test-app';

/** The settings of one node of a cluster on a MySQL schema and Kafka topics of its own (on the test broker unless `brokers` is given). */
export function clusterNodeEnv(mysqlUrl: string, suffix: string, nodeId: string, brokers = kafkaTestBrokers().join(',')): Record<string, string> {
  return {
    NODE_ID: nodeId,
    DB: 'mysql',
    MYSQL_URL: mysqlUrl,
    BUS: 'kafka',
    KAFKA_BROKERS: brokers,
    KAFKA_EVENTS_TOPIC: `test-events-${suffix}`,
    KAFKA_CHAT_PREFIX: clusterChatPrefix(suffix),
    KAFKA_CHAT_PARTITIONS: '3',
    RATE_LIMIT_REST_PER_SECOND: '10000',
    RATE_LIMIT_REST_BURST: '100000',
  };
}

/** The chat topics' prefix of the cluster whose topics end in `suffix`. */
export function clusterChatPrefix(suffix: string): string {
  return `test-chat-${suffix}`;
}

/** A suite of cluster nodes (Kafka and MariaDB both): runs when both answer, else skips visibly, naming the one missing. */
export function describeOnKafkaAndMysql(name: string, body: () => void): void {
  describeOnKafka(name, () => describeOnMysql('DB=mysql', body));
}

/**
 * Two nodes on one fresh MariaDB schema and Kafka topics of their own (in one process, each its
 * own app), started before the suite's tests and closed after them; `nodes()` answers them once started.
 */
export function twoKafkaNodes(startNode: (env: Record<string, string>) => Promise<TestApp>): { nodes: () => TestApp[] } {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  let nodes: TestApp[] = [];
  beforeAll(async () => {
    schema = await createMysqlSchema();
    const suffix = randomBytes(6).toString('hex');
    // One after the other: the first migrates the schema.
    nodes.push(await startNode(clusterNodeEnv(schema.url, suffix, 'node-1')));
    nodes.push(await startNode(clusterNodeEnv(schema.url, suffix, 'node-2')));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    nodes = [];
    await schema.drop();
  });
  return { nodes: () => nodes };
}
