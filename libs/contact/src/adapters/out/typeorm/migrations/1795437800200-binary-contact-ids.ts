import { isMysql, MYSQL_ENTITY_ID_TYPE } from '@webchat/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * contacts.owner_id and contact_id compare bytes on MySQL, as on SQLite (where this changes
 * nothing). Ids are lower-cased first: the case-blind key never let two spellings of one pair coexist.
 */
export class BinaryContactIds1795437800200 implements MigrationInterface {
  name = 'BinaryContactIds1795437800200';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('UPDATE contacts SET owner_id = LOWER(owner_id), contact_id = LOWER(contact_id)');
    await queryRunner.query(
      `ALTER TABLE contacts MODIFY owner_id ${MYSQL_ENTITY_ID_TYPE} NOT NULL, MODIFY contact_id ${MYSQL_ENTITY_ID_TYPE} NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE contacts MODIFY owner_id VARCHAR(36) NOT NULL, MODIFY contact_id VARCHAR(36) NOT NULL');
  }
}
