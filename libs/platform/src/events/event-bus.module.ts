import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EventBus } from '../kernel/event-bus';
import { createLogger } from '../logging/create-logger';
import { MemoryEventBus } from './memory-event-bus.adapter';

/** Chooses the EventBus adapter once, from configuration: kafkajs is never loaded in the embedded mode. */
@Module({})
export class EventBusModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: EventBusModule, providers: [config.bus === 'kafka' ? kafkaEventBus(config) : memoryEventBus(config)], exports: [EventBus] };
  }
}

function memoryEventBus(config: AppConfig): Provider {
  return { provide: EventBus, useValue: new MemoryEventBus(createLogger(config)) };
}

function kafkaEventBus(config: AppConfig): Provider {
  return {
    provide: EventBus,
    useFactory: async () => {
      const { KafkaEventBus } = await import('../kafka/kafka-event-bus.adapter');
      const bus = new KafkaEventBus({
        brokers: config.kafkaBrokers ?? [],
        topic: config.kafkaEventsTopic,
        nodeId: config.nodeId,
        logger: createLogger(config),
      });
      await bus.start();
      return bus;
    },
  };
}
