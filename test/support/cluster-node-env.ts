import { kafkaTestBrokers } from '@webchat/platform/testing';

/** The settings of one node of a cluster on a MySQL schema and Kafka topics of its own. */
export function clusterNodeEnv(mysqlUrl: string, suffix: string, nodeId: string): Record<string, string> {
  return {
    NODE_ID: nodeId,
    DB: 'mysql',
    MYSQL_URL: mysqlUrl,
    BUS: 'kafka',
    KAFKA_BROKERS: kafkaTestBrokers().join(','),
    KAFKA_EVENTS_TOPIC: `test-events-${suffix}`,
    KAFKA_CHAT_PREFIX: `test-chat-${suffix}`,
    KAFKA_CHAT_PARTITIONS: '3',
    RATE_LIMIT_REST_PER_SECOND: '10000',
    RATE_LIMIT_REST_BURST: '100000',
  };
}
