import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edits and deletes of messages on MySQL/MariaDB (nothing on SQLite, where the message store
 * keeps its own file and schema). NULL until it happens; a delete also overwrites `text` with ''
 * in place, so no column keeps the old text.
 */
export class AddMessageEdits1764000000001 implements MigrationInterface {
  name = 'AddMessageEdits1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE messages ADD COLUMN edited_at DATETIME(3) NULL, ADD COLUMN deleted_at DATETIME(3) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE messages DROP COLUMN deleted_at, DROP COLUMN edited_at');
  }
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}
