import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppConfig, configureHttpApp, createHttpAdapter, createLogger, PinoNestLogger } from '@webchat/platform';
import { AppModule } from './app.module';

/**
 * Builds the whole server for a configuration, without listening; main.ts and e2e tests share it.
 * Logs go to stdout unless a destination is given (tests capture them there).
 */
export async function createApp(config: AppConfig, logDestination?: DestinationStream): Promise<INestApplication> {
  const logger = createLogger(config, logDestination);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createHttpAdapter(config, logger), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // A provider that cannot start (a store or broker not answering) rejects here instead of exiting the process.
    abortOnError: false,
    // configureHttpApp installs the one body parser (JSON only, depth-bounded).
    bodyParser: false,
  });
  configureHttpApp(app, logger);
  return app;
}
