import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { timestampColumn } from '@webchat/platform';

/**
 * What makes an access token void before its expiry: one revoked token id per logout (kept
 * until the token would have expired anyway, then purged), and per user a time before which
 * every token but one is void (a password change ends every token but the one that made it).
 */
export class TokenRevocations1795500000000 implements MigrationInterface {
  name = 'TokenRevocations1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'revoked_tokens',
        columns: [
          { name: 'token_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          timestampColumn('expires_at'),
        ],
        indices: [{ name: 'ix_revoked_tokens_expires_at', columnNames: ['expires_at'] }],
      }),
    );
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'tokens_void_before_ms', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'kept_token_id', type: 'varchar', length: '64', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'kept_token_id');
    await queryRunner.dropColumn('users', 'tokens_void_before_ms');
    await queryRunner.dropTable('revoked_tokens');
  }
}
