import { createConnection } from 'mysql2/promise';
import {
  KAFKA_AVAILABLE_FLAG,
  kafkaServerName,
  kafkaTestBrokers,
  loadInfraEnv,
  MONGO_AVAILABLE_FLAG,
  MONGO_SERVER_NAME,
  mongoTestUrl,
  MYSQL_AVAILABLE_FLAG,
  NO_MONGO_ON_THIS_MACHINE,
  mysqlTestUrl,
  REQUIRE_KAFKA_FLAG,
  REQUIRE_MONGO_FLAG,
  REQUIRE_MYSQL_FLAG,
} from '../../libs/platform/src/testing';
import { kafkaAnswersMetadata } from '../../scripts/infra/services/kafka-metadata-probe';
import { PROMETHEUS_AVAILABLE_FLAG, prometheusFailure, prometheusUrl, REQUIRE_PROMETHEUS_FLAG } from './prometheus-target';

/**
 * Probes the real test servers once for the whole run (their addresses come from
 * the environment or from .infra/env, written by `npm run infra:up`). The answers
 * reach the test workers through the environment; with WEBCHAT_REQUIRE_MYSQL=1,
 * WEBCHAT_REQUIRE_KAFKA=1 or WEBCHAT_REQUIRE_PROMETHEUS=1 (CI) an unreachable server fails the run instead of
 * skipping its suites.
 */
export default async function globalSetup(): Promise<void> {
  loadInfraEnv();
  const mysql = new URL(mysqlTestUrl());
  const mysqlFailure = await probeMysql(mysql);
  report({
    what: `MySQL-compatible server at ${mysql.hostname}:${mysql.port || 3306}${process.env.MYSQL_SERVER_VERSION ? ` (${process.env.MYSQL_SERVER_VERSION})` : ''}`,
    suites: 'MariaDB suites',
    failure: mysqlFailure,
    availableFlag: MYSQL_AVAILABLE_FLAG,
    requireFlag: REQUIRE_MYSQL_FLAG,
  });
  const brokers = kafkaTestBrokers().join(',');
  report({
    what: `${kafkaServerName()} at ${brokers}`,
    suites: 'Kafka suites',
    failure: (await kafkaAnswersMetadata(brokers)) ? undefined : 'no answer to a metadata request',
    availableFlag: KAFKA_AVAILABLE_FLAG,
    requireFlag: REQUIRE_KAFKA_FLAG,
  });
  report({
    what: `Prometheus at ${prometheusUrl() ?? '(PROMETHEUS_URL unset)'}`,
    suites: 'Prometheus suites',
    failure: await prometheusFailure(),
    availableFlag: PROMETHEUS_AVAILABLE_FLAG,
    requireFlag: REQUIRE_PROMETHEUS_FLAG,
  });
  const mongo = mongoTestUrl();
  const mongoProbe = mongo === undefined ? { failure: NO_MONGO_ON_THIS_MACHINE } : await probeMongo(mongo);
  if (mongoProbe.name) process.env[MONGO_SERVER_NAME] = mongoProbe.name;
  report({
    what: mongoProbe.name ? `${mongoProbe.name} at MONGO_URL` : `MongoDB (MONGO_URL${mongo === undefined ? ' not set' : ''})`,
    absent: mongo === undefined,
    suites: 'MongoDB suites',
    failure: mongoProbe.failure,
    availableFlag: MONGO_AVAILABLE_FLAG,
    requireFlag: REQUIRE_MONGO_FLAG,
  });
}

/** Asks the server what it is: FerretDB answers buildInfo with its own version beside MongoDB's. */
async function probeMongo(url: string): Promise<{ name?: string; failure?: string }> {
  // Loaded only when MONGO_URL is set: a run without MongoDB never loads mongoose here.
  const { createConnection } = await import('mongoose');
  const connection = createConnection(url, { serverSelectionTimeoutMS: 3000 });
  try {
    await connection.asPromise();
    const info = await connection.db!.admin().command({ buildInfo: 1 });
    const name = typeof info.ferretdbVersion === 'string'
      ? `FerretDB ${info.ferretdbVersion} (MongoDB wire protocol, reports ${info.version})`
      : `MongoDB ${info.version}`;
    return { name };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function probeMysql(server: URL): Promise<string | undefined> {
  try {
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
      connectTimeout: 3000,
    });
    await connection.query('SELECT 1');
    await connection.end();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `absent`: no server was configured at all, so the failure is the reason, not an unanswered probe. */
function report(probe: { what: string; suites: string; failure?: string; absent?: boolean; availableFlag: string; requireFlag: string }): void {
  process.env[probe.availableFlag] = probe.failure ? '0' : '1';
  if (!probe.failure) {
    process.stdout.write(`\n${probe.what}: reachable, ${probe.suites} will run.\n`);
    return;
  }
  if (process.env[probe.requireFlag] === '1') {
    throw new Error(`${probe.requireFlag}=1 but ${probe.what} did not answer: ${probe.failure}`);
  }
  const why = probe.absent ? probe.failure : `NOT reachable (${probe.failure})`;
  process.stdout.write(`\n${probe.what}: ${why}; ${probe.suites} are SKIPPED.\n`);
}
