import { isMysql, MYSQL_ENTITY_ID_TYPE } from '@webchat/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.id compares bytes on MySQL, as on SQLite (where this changes nothing). Ids are
 * lower-cased first: the case-blind key never let two spellings of one id coexist.
 */
export class BinaryUserIds1795437800000 implements MigrationInterface {
  name = 'BinaryUserIds1795437800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('UPDATE users SET id = LOWER(id)');
    await queryRunner.query(`ALTER TABLE users MODIFY id ${MYSQL_ENTITY_ID_TYPE} NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE users MODIFY id VARCHAR(36) NOT NULL');
  }
}
