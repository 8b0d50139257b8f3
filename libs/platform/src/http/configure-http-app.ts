import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { setupSwagger } from '../docs/swagger';
import { useRequestLogger } from '../logging/request-log-hook';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { AllowedOrigins } from './allowed-origins';
import { useJsonBodyParser } from './json-body-parser';
import { PlainInputPipe } from './plain-input.pipe';
import { SECURITY_HEADERS } from './security-headers';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';

/**
 * Everything an HTTP app needs beyond its modules; shared by main.ts and the e2e tests.
 * The server is Fastify (createHttpAdapter), which sends no framework header of its own.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: Pick<AppConfig, 'corsOrigins'>, logger: Logger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  useRequestLogger(fastify, logger);
  useJsonBodyParser(fastify);
  await app.register(helmet, SECURITY_HEADERS);
  // Same origin needs no CORS (the default: no CORS at all); another site gets CORS headers only when CORS_ORIGINS lists it.
  if (config.corsOrigins.length > 0) {
    const origins = new AllowedOrigins(config.corsOrigins);
    app.enableCors({
      origin: (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) => done(null, origins.isListed(origin)),
      exposedHeaders: ['Retry-After', 'X-Request-Id'],
      maxAge: 600,
    });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  // In this order: the plain input is checked before it becomes a DTO.
  app.useGlobalPipes(new PlainInputPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger, app.getHttpAdapter()));
  app.enableShutdownHooks();
  setupSwagger(app);
}
