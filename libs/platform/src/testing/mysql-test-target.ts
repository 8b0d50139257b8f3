/**
 * Where the MySQL-compatible test server is, and whether the jest global setup
 * found it answering. CI sets WEBCHAT_REQUIRE_MYSQL=1, which turns "not
 * reachable" into a failed run instead of skipped suites.
 */
export const MYSQL_TEST_URL = process.env.MYSQL_TEST_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const MYSQL_AVAILABLE_FLAG = 'WEBCHAT_MYSQL_AVAILABLE';
export const REQUIRE_MYSQL_FLAG = 'WEBCHAT_REQUIRE_MYSQL';

export function isMysqlAvailable(): boolean {
  return process.env[MYSQL_AVAILABLE_FLAG] === '1';
}

/** `describe` on MariaDB/MySQL when it answers; a visible skip otherwise. */
export function describeOnMysql(name: string, body: () => void): void {
  if (isMysqlAvailable()) {
    describe(`${name} [mariadb]`, body);
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" on MySQL: no server answered at ${MYSQL_TEST_URL}`);
  describe.skip(`${name} [mariadb: not reachable, skipped]`, body);
}
