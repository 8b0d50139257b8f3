import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { timestampColumn } from '@webchat/platform';

/**
 * The primary key (owner_id, contact_id) makes "already a contact" atomic and serves
 * an owner's list; the contact_id index serves "who has this user" (presence, account deletion).
 * No foreign key to users, so the contact tables migrate and test on their own.
 */
export class CreateContacts1763856000200 implements MigrationInterface {
  name = 'CreateContacts1763856000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'contacts',
        columns: [
          { name: 'owner_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'contact_id', type: 'varchar', length: '36', isPrimary: true },
          timestampColumn('created_at'),
        ],
        indices: [{ name: 'idx_contacts_contact_id', columnNames: ['contact_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('contacts');
  }
}
