/**
 * Where the MySQL-compatible test server is, and whether the jest global setup
 * found it answering. The server is MYSQL_TEST_URL, else MYSQL_URL (which
 * `npm run infra:up -- mariadb` writes to .infra/env); each test run makes and
 * drops schemas of its own there. CI sets WEBCHAT_REQUIRE_MYSQL=1, which turns
 * "not reachable" into a failed run instead of skipped suites.
 */
export const MYSQL_AVAILABLE_FLAG = 'WEBCHAT_MYSQL_AVAILABLE';
export const REQUIRE_MYSQL_FLAG = 'WEBCHAT_REQUIRE_MYSQL';

export function mysqlTestUrl(): string {
  return process.env.MYSQL_TEST_URL ?? process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
}

export function isMysqlAvailable(): boolean {
  return process.env[MYSQL_AVAILABLE_FLAG] === '1';
}

/** `describe` on MariaDB/MySQL when it answers; a visible skip otherwise. */
export function describeOnMysql(name: string, body: () => void): void {
  if (isMysqlAvailable()) {
    describe(`${name} [mariadb]`, body);
    return;
  }
  const server = new URL(mysqlTestUrl());
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" on MySQL: no server answered at ${server.hostname}:${server.port || 3306}`);
  describe.skip(`${name} [mariadb: not reachable, skipped]`, body);
}
