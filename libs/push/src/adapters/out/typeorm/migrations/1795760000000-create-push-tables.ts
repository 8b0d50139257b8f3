import { isMysql, timestampColumn } from '@webchat/platform';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/**
 * The push library's tables. Ids compare as bytes on MySQL, as on SQLite. No foreign keys to
 * users or channels, so the push tables migrate and test on their own; the mute index on
 * channel_id serves "who muted this channel" for each stored batch.
 */
export class CreatePushTables1795760000000 implements MigrationInterface {
  name = 'CreatePushTables1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = (name: string, isPrimary = false): TableColumnOptions =>
      isMysql(queryRunner)
        ? { name, type: 'char', length: '36', charset: 'ascii', collation: 'ascii_bin', isPrimary }
        : { name, type: 'varchar', length: '36', isPrimary };
    await queryRunner.createTable(
      new Table({
        name: 'push_subscriptions',
        columns: [
          { name: 'endpoint_hash', type: 'varchar', length: '64', isPrimary: true },
          id('user_id'),
          { name: 'endpoint', type: 'varchar', length: '2048' },
          { name: 'p256dh', type: 'varchar', length: '100' },
          { name: 'auth', type: 'varchar', length: '40' },
          timestampColumn('created_at'),
        ],
        indices: [{ name: 'idx_push_subscriptions_user_id', columnNames: ['user_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'push_channel_mutes',
        columns: [id('user_id', true), id('channel_id', true), timestampColumn('created_at')],
        indices: [{ name: 'idx_push_channel_mutes_channel_id', columnNames: ['channel_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'push_settings',
        columns: [id('user_id', true), { name: 'show_private_text', type: 'boolean' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('push_settings');
    await queryRunner.dropTable('push_channel_mutes');
    await queryRunner.dropTable('push_subscriptions');
  }
}
