import { rmSync } from 'node:fs';
import { log } from '../infra-log';
import { freshDataDir, serviceDir } from '../infra-paths';
import { ServiceRecord } from '../infra-state';
import { portFrom } from '../network';
import { isAlive } from '../process-control';
import { formatKafkaLogDir, kafkaBrokers, startKafkaProcess } from './kafka-instance';
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
    const place = { dir, dataDir, port: await portFrom('KAFKA_PORT'), controllerPort: await portFrom('KAFKA_CONTROLLER_PORT') };
    formatKafkaLogDir(classpath, place);
    const pid = await startKafkaProcess(classpath, place);
    const brokers = kafkaBrokers(place);
    const name = `Apache Kafka ${KAFKA_VERSION} (KRaft)`;
    log(`${name} on ${brokers} (data in ${dataDir})`);
    return { pid, env: { KAFKA_BROKERS: brokers, KAFKA_SERVER_NAME: name }, details: { brokers, dataDir, flavour: 'apache' } };
  },

  cleanUp(record: ServiceRecord) {
    if (record.details.dataDir) rmSync(String(record.details.dataDir), { recursive: true, force: true });
  },
};
