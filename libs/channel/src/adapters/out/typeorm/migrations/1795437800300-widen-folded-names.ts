import { isMysql } from '@webchat/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * channels.name_folded holds the fold of the longest valid name: 100 code points can
 * lower-case to 200 (see name-fold.ts), which MySQL refused with "Data too long". SQLite does
 * not enforce VARCHAR lengths, so there this changes nothing.
 */
export class WidenFoldedNames1795437800300 implements MigrationInterface {
  name = 'WidenFoldedNames1795437800300';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE channels MODIFY name_folded VARCHAR(200) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE channels MODIFY name_folded VARCHAR(100) NULL');
  }
}
