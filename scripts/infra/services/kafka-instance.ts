import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { abandon, isAlive, run, startDetached, waitUntil } from '../process-control';
import { kafkaAnswersMetadata } from './kafka-metadata-probe';

/** Where one single-node KRaft broker lives: its folder (properties, logs), log dir and two ports. */
export interface KafkaPlace {
  readonly dir: string;
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
}

/** The broker's address for clients (KAFKA_BROKERS). */
export function kafkaBrokers(place: KafkaPlace): string {
  return `127.0.0.1:${place.port}`;
}

/** The classpath and log4j settings every java run of this place uses. */
function javaArgs(classpath: string, place: KafkaPlace): string[] {
  return ['-cp', join(classpath, '*'), `-Dlog4j.configuration=file:${join(__dirname, 'kafka', 'log4j.properties')}`, `-Dkafka.log.file=${join(place.dir, 'kafka.log')}`];
}

function propertiesFile(place: KafkaPlace): string {
  return join(place.dir, 'server.properties');
}

/** Writes server.properties and formats an empty log dir with a new cluster id. */
export function formatKafkaLogDir(classpath: string, place: KafkaPlace): void {
  writeFileSync(propertiesFile(place), serverProperties(place));
  run('java', [...javaArgs(classpath, place), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', propertiesFile(place)]);
}

/**
 * Starts the broker on a formatted log dir (fresh, or one an earlier process of this place left,
 * stopped or killed: the broker recovers its logs) and waits until it answers a metadata request.
 */
export async function startKafkaProcess(classpath: string, place: KafkaPlace): Promise<number> {
  const pid = startDetached('java', ['-Xms256m', '-Xmx512m', ...javaArgs(classpath, place), 'kafka.Kafka', propertiesFile(place)], join(place.dir, 'kafka.out'));
  const brokers = kafkaBrokers(place);
  const ready = await waitUntil(async () => isAlive(pid) && (await kafkaAnswersMetadata(brokers)), 90_000, 500);
  if (!ready) await abandon(pid, `Apache Kafka did not answer a metadata request on ${brokers}; see ${join(place.dir, 'kafka.log')}`);
  return pid;
}

function serverProperties(place: KafkaPlace): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${place.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${place.port},CONTROLLER://127.0.0.1:${place.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${place.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${place.dataDir}`,
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=4',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'min.insync.replicas=1',
    // Test brokers: a consumer group forms at once instead of waiting 3 s for more members.
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=1',
    '',
  ].join('\n');
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64; one that starts with '-' would read as a flag. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
