import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackage } from '../debian-packages';
import { log } from '../infra-log';
import { serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { abandon, startDetached, waitUntil } from '../process-control';
import { kafkaAnswersMetadata } from './kafka-metadata-probe';

export const MOCK_KAFKA_NAME = "librdkafka's mock cluster (Debian kcat), a FALLBACK: not Apache Kafka";

/**
 * Only when Apache Kafka's jars cannot be had: librdkafka's in-memory mock
 * cluster hosted by kcat. It loses everything on restart and lacks admin calls;
 * every test output names it.
 */
export async function startMockKafka(why: string): Promise<ServiceRecord> {
  log(`Apache Kafka is not available (${why.split('\n')[0]}); falling back to ${MOCK_KAFKA_NAME}`);
  ensureDebianPackage('kcat', '/usr/bin/kcat');
  const logFile = join(serviceDir('kafka'), 'mock-broker.log');
  // The address is read from this log: an old one must not be found instead.
  mkdirSync(serviceDir('kafka'), { recursive: true });
  rmSync(logFile, { force: true });
  const pid = startDetached('kcat', ['-b', '127.0.0.1:1', '-X', 'test.mock.num.brokers=1', '-d', 'mock', '-C', '-t', '__keepalive', '-o', 'end', '-q'], logFile);
  let brokers = '';
  const found = await waitUntil(async () => {
    brokers = /bootstrap\.servers=([^\s,]+(?:,[^\s,]+)*)/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? '';
    return brokers !== '' && (await kafkaAnswersMetadata(brokers));
  }, 30_000);
  if (!found) await abandon(pid, `the kcat mock cluster did not come up; see ${logFile}`);
  return { pid, env: { KAFKA_BROKERS: brokers, KAFKA_SERVER_NAME: MOCK_KAFKA_NAME }, details: { brokers, flavour: 'mock' } };
}
