import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { startTestApp, TestApp } from './test-app';

/**
 * The same cases on the embedded default (SQLite) and on MariaDB (a schema of its own, dropped
 * after): `cases` gets a function that starts a listening app on that store (with more settings, if given).
 */
export function describeOnEachStore(name: string, cases: (start: (env?: Record<string, string>) => Promise<TestApp>) => void): void {
  describe(`${name} (SQLite)`, () => cases((env = {}) => startTestApp(env, { listen: true })));
  describeOnMysql(`${name} (MariaDB)`, () => {
    let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
    beforeAll(async () => {
      schema = await createMysqlSchema();
    });
    afterAll(() => schema.drop());
    cases((env = {}) => startTestApp({ ...env, DB: 'mysql', MYSQL_URL: schema.url }, { listen: true }));
  });
}
