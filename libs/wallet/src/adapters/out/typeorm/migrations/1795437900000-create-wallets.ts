import { isMysql, timestampColumn } from '@webchat/platform';
import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

/**
 * Wallets, participants, the ledger, transfers, idempotency records and reserved transfers.
 * Id columns compare bytes (CHAR(36) ascii_bin on MySQL, as the other tables); money is BIGINT.
 */
export class CreateWallets1795437900000 implements MigrationInterface {
  name = 'CreateWallets1795437900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysql(queryRunner);
    const id = (name: string, isNullable = false, isPrimary = false): TableColumnOptions =>
      mysql
        ? { name, type: 'char', length: '36', charset: 'ascii', collation: 'ascii_bin', isNullable, isPrimary }
        : { name, type: 'varchar', length: '36', isNullable, isPrimary };
    const money = (name: string): TableColumnOptions => ({ name, type: 'bigint' });
    const walletForeignKey = (table: string, column: string) => ({
      name: `fk_${table}_${column}`,
      columnNames: [column],
      referencedTableName: 'wallets',
      referencedColumnNames: ['id'],
    });

    await queryRunner.createTable(
      new Table({
        name: 'wallets',
        columns: [
          id('id', false, true),
          { name: 'kind', type: 'varchar', length: '10' },
          id('owner_id', true),
          id('channel_id', true),
          { name: 'name', type: 'varchar', length: '100', isNullable: true },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          money('balance'),
          money('last_entry_seq'),
          timestampColumn('created_at'),
        ],
        // NULLs never collide: only personal wallets are held to one per owner.
        uniques: [{ name: 'uq_wallets_owner', columnNames: ['owner_id'] }],
        indices: [{ name: 'ix_wallets_channel', columnNames: ['channel_id', 'created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wallet_participants',
        columns: [id('wallet_id', false, true), id('user_id', false, true), { name: 'role', type: 'varchar', length: '10' }, timestampColumn('joined_at')],
        indices: [{ name: 'ix_wallet_participants_user', columnNames: ['user_id'] }],
        foreignKeys: [{ ...walletForeignKey('wallet_participants', 'wallet_id'), onDelete: 'CASCADE' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ledger_entries',
        columns: [
          id('id', false, true),
          id('wallet_id'),
          money('seq'),
          { name: 'type', type: 'varchar', length: '20' },
          money('amount'),
          money('balance_after'),
          id('transfer_id', true),
          id('actor_id'),
          timestampColumn('created_at'),
        ],
        uniques: [{ name: 'uq_ledger_entries_wallet_seq', columnNames: ['wallet_id', 'seq'] }],
        indices: [{ name: 'ix_ledger_entries_transfer', columnNames: ['transfer_id'] }],
        foreignKeys: [walletForeignKey('ledger_entries', 'wallet_id')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transfers',
        columns: [
          id('id', false, true),
          id('from_wallet_id'),
          id('to_wallet_id'),
          money('amount'),
          id('actor_id'),
          id('reserved_transfer_id', true),
          timestampColumn('due_at', true),
          timestampColumn('created_at'),
        ],
        // One transfer per due time of a reserved transfer, whatever node ran it.
        uniques: [{ name: 'uq_transfers_reserved_due', columnNames: ['reserved_transfer_id', 'due_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          id('id', false, true),
          id('user_id'),
          { name: 'route', type: 'varchar', length: '100' },
          mysql
            ? { name: 'client_key', type: 'varchar', length: '100', charset: 'ascii', collation: 'ascii_bin' }
            : { name: 'client_key', type: 'varchar', length: '100' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'token', type: 'varchar', length: '36' },
          { name: 'response_status', type: 'int', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          timestampColumn('claimed_at'),
          timestampColumn('created_at'),
        ],
        uniques: [{ name: 'uq_idempotency_scope', columnNames: ['user_id', 'route', 'client_key'] }],
        indices: [{ name: 'ix_idempotency_created', columnNames: ['created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reserved_transfers',
        columns: [
          id('id', false, true),
          id('booked_by_id'),
          id('from_wallet_id'),
          id('to_wallet_id'),
          money('amount'),
          { name: 'repeat_rule', type: 'varchar', length: '10' },
          { name: 'anchor_day', type: 'int' },
          timestampColumn('execute_at'),
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'failure_reason', type: 'varchar', length: '200', isNullable: true },
          timestampColumn('last_run_at', true),
          { name: 'last_result', type: 'varchar', length: '200', isNullable: true },
          timestampColumn('created_at'),
        ],
        indices: [
          { name: 'ix_reserved_transfers_due', columnNames: ['status', 'execute_at'] },
          { name: 'ix_reserved_transfers_booker', columnNames: ['booked_by_id', 'created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['reserved_transfers', 'idempotency_records', 'transfers', 'ledger_entries', 'wallet_participants', 'wallets']) {
      await queryRunner.dropTable(table);
    }
  }
}
