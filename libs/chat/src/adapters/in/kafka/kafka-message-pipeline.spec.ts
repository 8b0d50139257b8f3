import { randomBytes } from 'node:crypto';
import { SqlTransactions } from '@webchat/platform';
import { deleteKafkaTestTopics, describeOnKafka, describeOnMysql, kafkaTestBrokers, openTestDataSource } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { SharedMessageStores, sqliteMessageFiles } from '../../../testing/sqlite-message-files';
import { chatTopics } from '../../out/kafka/chat-topics';
import { chatPersistence } from '../../out/mysql/mysql-message-persistence';
import { MysqlMessageStore } from '../../out/mysql/mysql-message-store.adapter';
import { messagePipelineContract, PipelineBus } from '../message-pipeline.contract';

const timing = { deliveryTimeoutMs: 20_000, quietPeriodMs: 1_000 };

/** Each test gets a topic prefix of its own (its own topics and consumer groups), so tests and parallel runs never meet. */
async function kafkaBus(): Promise<PipelineBus> {
  const prefix = `webchat-test-chat-${randomBytes(6).toString('hex')}`;
  const topics = chatTopics(prefix);
  return {
    env: { BUS: 'kafka', KAFKA_BROKERS: kafkaTestBrokers().join(','), KAFKA_CHAT_PREFIX: prefix, KAFKA_CHAT_PARTITIONS: '3' },
    maxNodes: 2,
    close: () => deleteKafkaTestTopics([topics.drafts, topics.stored]),
  };
}

/** A fresh MariaDB schema; each node gets a pool of its own on it, as a server process has. */
async function mysqlMessageSchema(): Promise<SharedMessageStores> {
  const db = await openTestDataSource('mysql', [chatPersistence]);
  const pools: DataSource[] = [];
  const storeOn = (pool: DataSource) => new MysqlMessageStore(pool, new SqlTransactions(pool));
  return {
    open: async () => {
      const pool = await new DataSource({ ...db.dataSource.options, migrationsRun: false }).initialize();
      pools.push(pool);
      return storeOn(pool);
    },
    reader: storeOn(db.dataSource),
    close: async () => {
      for (const pool of pools) await pool.destroy();
      await db.close();
    },
  };
}

describeOnKafka('chat pipeline on Kafka (BUS=kafka)', () => {
  describe('with the SQLite store', () => messagePipelineContract(kafkaBus, async () => sqliteMessageFiles(), timing));
  describeOnMysql('with the message store on', () => messagePipelineContract(kafkaBus, mysqlMessageSchema, timing));
});
