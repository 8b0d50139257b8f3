import { createMysqlSchema } from '@webchat/platform/testing';
import { startTestApp, TestApp, TestAppOptions } from './test-app';

/**
 * An app on a MariaDB schema of its own for the enclosing describe: started before its tests,
 * closed and the schema dropped after them. `app` answers it once started.
 */
export function appOnMysqlSchema(env: Record<string, string> = {}, options: TestAppOptions = {}): { readonly app: TestApp } {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>> | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    schema = await createMysqlSchema();
    app = await startTestApp({ DB: 'mysql', MYSQL_URL: schema.url, ...env }, options);
  });
  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });
  return {
    get app(): TestApp {
      if (!app) throw new Error('the MySQL test app is not started yet (use it inside a test or hook)');
      return app;
    },
  };
}
