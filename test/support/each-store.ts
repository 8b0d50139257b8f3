import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { startTestApp, TestApp } from './test-app';

/**
 * The same cases on the embedded default (SQLite) and on MariaDB (a schema of its own, dropped
 * after): `cases` gets a function that starts a listening app on that store.
 */
export function describeOnEachStore(name: string, cases: (start: () => Promise<TestApp>) => void): void {
  describe(`${name} (SQLite)`, () => cases(() => startTestApp({}, { listen: true })));
  describeOnMysql(`${name} (MariaDB)`, () => {
    let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
    beforeAll(async () => {
      schema = await createMysqlSchema();
    });
    afterAll(() => schema.drop());
    cases(() => startTestApp({ DB: 'mysql', MYSQL_URL: schema.url }, { listen: true }));
  });
}
