import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumn } from '@webchat/platform';

export class CreateUsers1763856000000 implements MigrationInterface {
  name = 'CreateUsers1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '254' },
          { name: 'username', type: 'varchar', length: '50' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          timestampColumn('created_at'),
        ],
        uniques: [{ name: 'uq_users_email', columnNames: ['email'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
  }
}
