import pino, { DestinationStream, Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { serializeError } from './error-serializer';

/** The process-wide structured logger: JSON lines on stdout, or on the given destination (tests read them). */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'nodeId'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, base: { node: config.nodeId }, serializers: { err: serializeError } };
  return destination ? pino(options, destination) : pino(options);
}
