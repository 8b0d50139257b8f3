import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../infra-paths';
import { log } from '../infra-log';
import { commandExists, runVisible } from '../process-control';

export const KAFKA_VERSION = process.env.KAFKA_VERSION ?? '3.9.1';

/**
 * The broker's jars from Maven Central, fetched once per version into the
 * cache (~/.cache/webchat/kafka-<version>/libs); later runs only check the marker.
 */
export function kafkaClasspath(): string {
  const home = join(CACHE_DIR, `kafka-${KAFKA_VERSION}`);
  const libs = join(home, 'libs');
  const complete = join(home, '.complete');
  if (existsSync(complete)) return libs;
  for (const tool of ['java', 'mvn']) {
    if (!commandExists(tool)) throw new Error(`${tool} is not on PATH: Apache Kafka's jars need Java and Maven`);
  }
  log(`fetching Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs}`);
  const partial = `${libs}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  runVisible('mvn', [
    '-q', '-B', '-Dstyle.color=never',
    '-f', join(__dirname, 'kafka', 'pom.xml'),
    'dependency:copy-dependencies',
    `-DoutputDirectory=${partial}`,
    '-DincludeScope=runtime',
    `-Dkafka.version=${KAFKA_VERSION}`,
  ]);
  rmSync(libs, { recursive: true, force: true });
  renameSync(partial, libs);
  writeFileSync(complete, `${new Date().toISOString()}\n`);
  return libs;
}
