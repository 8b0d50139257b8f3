import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppConfig, configureHttpApp, createHttpAdapter, createLogger, PinoNestLogger, SecureIoAdapter } from '@webchat/platform';
import { messagePipelineTransport } from '@webchat/chat';
import { AppModule } from './app.module';

/**
 * Builds the whole server for a configuration, without starting it; main.ts and e2e tests share it.
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
  await configureHttpApp(app, config, logger);
  app.useWebSocketAdapter(new SecureIoAdapter(app, config));
  // The chat pipeline's consumers, on BUS=kafka: a microservice transport on the same app (hybrid).
  const strategy = await messagePipelineTransport(app, config);
  if (strategy) app.connectMicroservice({ strategy });
  return app;
}

/**
 * Starts what createApp built, before it listens: the lifecycle hooks (stores, the bus's topics
 * and producer), then the microservice transports (on Kafka, the chat pipeline's consumer groups),
 * so a node takes its first send only once its pipeline runs. main.ts and the e2e tests share it.
 */
export async function startApp(app: INestApplication): Promise<void> {
  await app.init();
  await app.startAllMicroservices();
}
