// The platform's Kafka pieces: a separate entry, so the embedded mode never loads kafkajs.
export * from './kafka-event-bus.adapter';
export * from './kafka-log-creator';
export * from './kafka-topics';
export * from './retry-while-retriable';
