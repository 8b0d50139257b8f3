import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions } from 'typeorm';
import { isMysql, timestampColumn } from '@webchat/platform';

/**
 * What makes an access token void before its expiry: one revoked token id per logout (kept
 * until the token would have expired anyway, then purged), and per user a time before which
 * every token but one is void (a password change ends every token but the one that made it).
 * Id columns compare bytes (ascii_bin on MySQL, as every other id column).
 */
export class TokenRevocations1795500000000 implements MigrationInterface {
  name = 'TokenRevocations1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const id = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
      mysql
        ? { name, type: length === 36 ? 'char' : 'varchar', length: String(length), charset: 'ascii', collation: 'ascii_bin', ...extra }
        : { name, type: 'varchar', length: String(length), ...extra };
    await queryRunner.createTable(
      new Table({
        name: 'revoked_tokens',
        columns: [
          id('token_id', 64, { isPrimary: true }),
          id('user_id', 36),
          timestampColumn('expires_at'),
        ],
        indices: [{ name: 'ix_revoked_tokens_expires_at', columnNames: ['expires_at'] }],
      }),
    );
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'tokens_void_before_ms', type: 'bigint', isNullable: true }),
      new TableColumn(id('kept_token_id', 64, { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'kept_token_id');
    await queryRunner.dropColumn('users', 'tokens_void_before_ms');
    await queryRunner.dropTable('revoked_tokens');
  }
}
