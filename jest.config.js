/**
 * One jest run for the whole suite: unit specs beside the code, contract suites
 * per adapter (SQLite always, MariaDB when it answers, required in CI) and the
 * e2e specs under test/. Type checking is `npm run typecheck`, so ts-jest only
 * transpiles here.
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // @nestjs/mongoose 12 ships ES modules only. Node ≥ 20.19 require()s them in production;
    // jest on Node 20 cannot, so its files are turned into CommonJS here (nothing else is).
    '/node_modules/@nestjs/mongoose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/mongoose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@webchat/platform/(kernel|testing|kafka)$': '<rootDir>/libs/platform/src/$1',
    '^@webchat/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  verbose: true,
  testTimeout: 30000,
  maxWorkers: 2,
};
