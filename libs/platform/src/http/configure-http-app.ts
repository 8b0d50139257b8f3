import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { setupSwagger } from '../docs/swagger';
import { useRequestLogger } from '../logging/request-log-hook';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { useJsonBodyParser } from './json-body-parser';
import { PlainInputPipe } from './plain-input.pipe';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';

/**
 * Everything an HTTP app needs beyond its modules; shared by main.ts and the e2e tests.
 * The server is Fastify (createHttpAdapter), which sends no framework header of its own.
 */
export function configureHttpApp(app: NestFastifyApplication, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  useRequestLogger(fastify, logger);
  useJsonBodyParser(fastify);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  // In this order: the plain input is checked before it becomes a DTO.
  app.useGlobalPipes(new PlainInputPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger, app.getHttpAdapter()));
  app.enableShutdownHooks();
  setupSwagger(app);
}
