import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, configureHttpApp, createLogger, PinoNestLogger } from '@webchat/platform';
import { AppModule } from './app.module';

/** Builds the whole server for a configuration, without listening; main.ts and e2e tests share it. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = createLogger(config);
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  configureHttpApp(app, logger, config);
  return app;
}
