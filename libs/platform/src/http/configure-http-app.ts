import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { setupSwagger } from '../docs/swagger';
import { createRequestLogger } from '../logging/request-logger';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { useJsonBodyParser } from './json-body-parser';
import { PlainInputPipe } from './plain-input.pipe';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';

/** Everything an HTTP app needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureHttpApp(app: NestExpressApplication, logger: Logger, config: Pick<AppConfig, 'trustProxyHops'>): void {
  app.disable('x-powered-by'); // no need to tell a prober which framework answers
  // Behind N proxies, the client's address (login limits count per address) is the Nth from the right in X-Forwarded-For.
  if (config.trustProxyHops > 0) app.set('trust proxy', config.trustProxyHops);
  app.use(createRequestLogger(logger));
  useJsonBodyParser(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  // In this order: the plain input is checked before it becomes a DTO.
  app.useGlobalPipes(new PlainInputPipe(), createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.enableShutdownHooks();
  setupSwagger(app);
}
