/**
 * `npm run test:faults`: the fault suite (test/faults), apart from `npm test` because it stops,
 * kills and restarts servers (its own MariaDB and Kafka, and two server nodes it starts). One
 * file, run in band; no global probe of the shared servers (it never uses them).
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testRegex: '.*\\.fault-spec\\.ts$',
  globalSetup: undefined,
  maxWorkers: 1,
  testTimeout: 180000,
};
