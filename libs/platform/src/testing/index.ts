// Test helpers shared by every library's specs; never imported by production code.
export * from './infra-env';
export * from './mysql-test-target';
export * from './kafka-test-target';
export * from './mongo-test-target';
export * from './test-data-sources';
export * from './jwt-forge';
export * from './single-node-presence';
