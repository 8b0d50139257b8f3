import type { QueryRunner } from 'typeorm';

/**
 * How an entity id column is declared on MySQL/MariaDB: 36 ASCII bytes compared as bytes.
 * The database default (utf8mb4_unicode_ci) ignores case and trailing spaces, so 'A…' and
 * 'a…' were one id to MySQL and two to the code. SQLite's default BINARY collation already
 * compares bytes. (ascii_bin still pads with spaces when comparing; a canonical id has none,
 * and every other form is refused before it reaches a query.)
 */
export const MYSQL_ENTITY_ID_TYPE = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';

export function isMysql(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'mysql';
}
