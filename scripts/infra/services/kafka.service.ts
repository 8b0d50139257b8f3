import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from '../infra-log';
import { freshDataDir, serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { portFrom } from '../network';
import { abandon, isAlive, run, startDetached, waitUntil } from '../process-control';
import { KAFKA_VERSION, kafkaClasspath } from './kafka-classpath';
import { kafkaAnswersMetadata } from './kafka-metadata-probe';
import { startMockKafka } from './kafka-mock-fallback';
import { InfraService } from './service';

/** A single-node Apache Kafka in KRaft mode (broker and controller in one JVM) on the machine's Java. */
export const kafkaService: InfraService = {
  name: 'kafka',
  description: 'Apache Kafka broker (KRaft)',

  async reuse(record) {
    return isAlive(record.pid) && kafkaAnswersMetadata(String(record.details.brokers));
  },

  async start() {
    let classpath: string;
    try {
      classpath = kafkaClasspath();
    } catch (error) {
      return startMockKafka(error instanceof Error ? error.message : String(error));
    }
    const dir = serviceDir('kafka');
    const dataDir = freshDataDir('kafka');
    const port = await portFrom('KAFKA_PORT');
    const controllerPort = await portFrom('KAFKA_CONTROLLER_PORT');
    const properties = join(dir, 'server.properties');
    writeFileSync(properties, serverProperties(port, controllerPort, dataDir));

    const java = ['-cp', join(classpath, '*'), `-Dlog4j.configuration=file:${join(__dirname, 'kafka', 'log4j.properties')}`, `-Dkafka.log.file=${join(dir, 'kafka.log')}`];
    run('java', [...java, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', properties]);
    const pid = startDetached('java', ['-Xms256m', '-Xmx512m', ...java, 'kafka.Kafka', properties], join(dir, 'kafka.out'));

    const brokers = `127.0.0.1:${port}`;
    const ready = await waitUntil(async () => isAlive(pid) && (await kafkaAnswersMetadata(brokers)), 90_000, 500);
    if (!ready) await abandon(pid, `Apache Kafka did not answer a metadata request on ${brokers}; see ${join(dir, 'kafka.log')}`);
    const name = `Apache Kafka ${KAFKA_VERSION} (KRaft)`;
    log(`${name} on ${brokers} (data in ${dataDir})`);
    return { pid, env: { KAFKA_BROKERS: brokers, KAFKA_SERVER_NAME: name }, details: { brokers, dataDir, flavour: 'apache' } };
  },

  cleanUp(record: ServiceRecord) {
    if (record.details.dataDir) rmSync(String(record.details.dataDir), { recursive: true, force: true });
  },
};

function serverProperties(port: number, controllerPort: number, dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
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
