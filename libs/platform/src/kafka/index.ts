// The platform's Kafka pieces: a separate entry, so the embedded mode never loads kafkajs or @nestjs/microservices.
export * from './kafka-batch-context';
export * from './kafka-batch-subscription';
export * from './kafka-batch-transport';
export * from './kafka-client';
export * from './kafka-event-bus.adapter';
export * from './kafka-log-creator';
export * from './kafka-topics';
export * from './retry-while-retriable';
