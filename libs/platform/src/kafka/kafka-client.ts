import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { kafkaLogCreator } from './kafka-log-creator';

/** The kafkajs client every production piece uses: warnings and up, into the app's logger. */
export function kafkaClient(clientId: string, brokers: readonly string[], logger: Logger | undefined): Kafka {
  return new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.WARN, logCreator: kafkaLogCreator(logger) });
}
