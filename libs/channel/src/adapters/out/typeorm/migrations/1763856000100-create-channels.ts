import { timestampColumn } from '@webchat/platform';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateChannels1763856000100 implements MigrationInterface {
  name = 'CreateChannels1763856000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'channels',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '100', isNullable: true },
          { name: 'name_folded', type: 'varchar', length: '100', isNullable: true },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'is_private', type: 'boolean' },
          { name: 'password_hash', type: 'varchar', length: '255', isNullable: true },
          { name: 'owner_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'direct_key', type: 'varchar', length: '80', isNullable: true },
          timestampColumn('created_at'),
        ],
        // NULLs never collide, so only direct channels are held to one per pair.
        uniques: [{ name: 'uq_channels_direct_key', columnNames: ['direct_key'] }],
        indices: [{ name: 'ix_channels_search', columnNames: ['kind', 'is_private', 'name_folded'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'channel_members',
        columns: [
          { name: 'channel_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'role', type: 'varchar', length: '10' },
          timestampColumn('joined_at'),
          { name: 'last_read_seq', type: 'bigint', default: 0 },
        ],
        indices: [{ name: 'ix_channel_members_user', columnNames: ['user_id', 'joined_at'] }],
        foreignKeys: [
          { name: 'fk_channel_members_channel', columnNames: ['channel_id'], referencedTableName: 'channels', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('channel_members');
    await queryRunner.dropTable('channels');
  }
}
