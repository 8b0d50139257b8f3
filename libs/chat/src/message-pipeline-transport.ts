import type { INestApplicationContext } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { AppConfig } from '@webchat/platform';

/**
 * The microservice transport the app connects for the chat pipeline's consumers: on BUS=kafka the
 * KafkaBatchTransport that ChatRealtimeModule provides; none in the embedded mode, where the
 * in-process queue feeds the stages itself (and neither kafkajs nor the transport is loaded).
 */
export async function messagePipelineTransport(app: INestApplicationContext, config: Pick<AppConfig, 'bus'>): Promise<CustomTransportStrategy | undefined> {
  if (config.bus !== 'kafka') return undefined;
  const { kafkaPipelineTransport } = await import('./adapters/in/kafka/kafka-message-pipeline');
  return kafkaPipelineTransport(app);
}
