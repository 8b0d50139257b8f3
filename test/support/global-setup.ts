import { createConnection } from 'mysql2/promise';
import {
  KAFKA_AVAILABLE_FLAG,
  kafkaServerName,
  kafkaTestBrokers,
  loadInfraEnv,
  MYSQL_AVAILABLE_FLAG,
  mysqlTestUrl,
  REQUIRE_KAFKA_FLAG,
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

function report(probe: { what: string; suites: string; failure?: string; availableFlag: string; requireFlag: string }): void {
  process.env[probe.availableFlag] = probe.failure ? '0' : '1';
  if (!probe.failure) {
    process.stdout.write(`\n${probe.what}: reachable, ${probe.suites} will run.\n`);
    return;
  }
  if (process.env[probe.requireFlag] === '1') {
    throw new Error(`${probe.requireFlag}=1 but ${probe.what} did not answer: ${probe.failure}`);
  }
  process.stdout.write(`\n${probe.what}: NOT reachable (${probe.failure}); ${probe.suites} are SKIPPED.\n`);
}
