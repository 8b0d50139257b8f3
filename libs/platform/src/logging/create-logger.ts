import pino, { Logger } from 'pino';
import { AppConfig } from '../config/app-config';

/** The process-wide structured logger (JSON lines on stdout). */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'nodeId'>): Logger {
  return pino({ level: config.logLevel, base: { node: config.nodeId } });
}
