import { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { setupSwagger } from '../docs/swagger';
import { createRequestLogger } from '../logging/request-logger';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api';

/** Everything an HTTP app needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureHttpApp(app: INestApplication, logger: Logger, config: Pick<AppConfig, 'trustProxyHops'>): void {
  // Behind N proxies, the client's address (login limits count per address) is the Nth from the right in X-Forwarded-For.
  if (config.trustProxyHops > 0) app.getHttpAdapter().getInstance().set('trust proxy', config.trustProxyHops);
  app.use(createRequestLogger(logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  app.enableShutdownHooks();
  setupSwagger(app);
}
