// Test helpers shared by every library's specs; never imported by production code.
export * from './mysql-test-target';
export * from './test-data-sources';
export * from './jwt-forge';
