import { logLevel, LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

/** Sends kafkajs' own log lines to the app's pino logger instead of the console. */
export function kafkaLogCreator(logger: Logger | undefined) {
  return () =>
    ({ level, log }: LogEntry) => {
      if (!logger) return;
      const { message, ...extra } = log;
      const entry = { kafka: extra };
      if (level === logLevel.ERROR) logger.error(entry, message);
      else if (level === logLevel.WARN) logger.warn(entry, message);
      else logger.debug(entry, message);
    };
}
