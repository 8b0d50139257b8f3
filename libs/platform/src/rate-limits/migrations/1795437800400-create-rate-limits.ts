import { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysql } from '../../persistence/mysql-entity-id';

export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * The counters of rate-limiter-flexible's MySQL store, shared by every server node (its own
 * layout: key, points, expire). Keys are compared as bytes. In the embedded mode (SQLite) the
 * counts live in the process, so there this creates nothing.
 */
export class CreateRateLimits1795437800400 implements MigrationInterface {
  name = 'CreateRateLimits1795437800400';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(
      `CREATE TABLE ${RATE_LIMITS_TABLE} (
        \`key\` VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        points INT NOT NULL DEFAULT 0,
        expire BIGINT UNSIGNED NULL,
        PRIMARY KEY (\`key\`)
      ) ENGINE = InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(`DROP TABLE ${RATE_LIMITS_TABLE}`);
  }
}
