import { createConnection } from 'mysql2/promise';
import { MYSQL_AVAILABLE_FLAG, MYSQL_TEST_URL, REQUIRE_MYSQL_FLAG } from '../../libs/platform/src/testing';

/**
 * Probes the MySQL-compatible test server once for the whole run. The answer is
 * passed to the test workers through the environment; with WEBCHAT_REQUIRE_MYSQL=1
 * (CI) an unreachable server fails the run instead of skipping its suites.
 */
export default async function globalSetup(): Promise<void> {
  const server = new URL(MYSQL_TEST_URL);
  let failure: string | undefined;
  try {
    const connection = await createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
      connectTimeout: 3000,
    });
    await connection.query('SELECT 1');
    await connection.end();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  process.env[MYSQL_AVAILABLE_FLAG] = failure ? '0' : '1';
  const where = `${server.hostname}:${server.port || 3306}`;
  if (!failure) {
    process.stdout.write(`\nMySQL-compatible server at ${where}: reachable, MariaDB suites will run.\n`);
    return;
  }
  if (process.env[REQUIRE_MYSQL_FLAG] === '1') {
    throw new Error(`${REQUIRE_MYSQL_FLAG}=1 but no MySQL server answered at ${where}: ${failure}`);
  }
  process.stdout.write(`\nMySQL-compatible server at ${where}: NOT reachable (${failure}); MariaDB suites are SKIPPED.\n`);
}
