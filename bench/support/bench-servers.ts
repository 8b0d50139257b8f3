import { randomBytes } from 'node:crypto';
import { createMysqlSchema, loadInfraEnv } from '../../libs/platform/src/testing';
import { RunningServer, startEmbeddedServer } from './server-process';

export interface ServerChoice {
  readonly nodes: number;
  readonly store: 'sqlite' | 'mysql';
  readonly bus: 'memory' | 'kafka';
  /** Settings every node gets (limits, hashing cost…). */
  readonly env: Record<string, string>;
}

export interface BenchServers {
  readonly urls: string[];
  readonly description: string;
  stop(): Promise<void>;
}

/**
 * Starts the built server: one embedded node in a temp folder by default, or `nodes` processes on
 * the MariaDB and Kafka of `npm run infra:up` (.infra/env), on a fresh schema and topics of their own.
 */
export async function startBenchServers(choice: ServerChoice): Promise<BenchServers> {
  if (choice.nodes > 1 && (choice.store !== 'mysql' || choice.bus !== 'kafka')) throw new Error('--nodes above 1 needs --store mysql --bus kafka');
  loadInfraEnv();
  const suffix = randomBytes(4).toString('hex');
  const schema = choice.store === 'mysql' ? await createMysqlSchema() : undefined;
  const shared: Record<string, string> = {
    ...choice.env,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...(schema ? { DB: 'mysql', MYSQL_URL: schema.url } : {}),
    ...(choice.bus === 'kafka'
      ? { BUS: 'kafka', KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', KAFKA_EVENTS_TOPIC: `bench-events-${suffix}`, KAFKA_CHAT_PREFIX: `bench-chat-${suffix}` }
      : {}),
  };
  const servers: RunningServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await schema?.drop();
  };
  try {
    // One after the other: the first runs the migrations and creates the topics.
    for (let n = 1; n <= choice.nodes; n += 1) servers.push(await startEmbeddedServer({ ...shared, NODE_ID: `bench-node-${n}` }));
  } catch (error) {
    await stop();
    throw error;
  }
  const where = choice.store === 'mysql' ? 'MariaDB' : 'SQLite in a temp folder';
  return { urls: servers.map((server) => server.url), description: `${choice.nodes} node(s), store ${where}, bus ${choice.bus}`, stop };
}
