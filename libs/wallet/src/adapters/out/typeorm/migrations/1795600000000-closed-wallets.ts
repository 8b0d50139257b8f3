import { timestampColumn } from '@webchat/platform';
import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * When a wallet was closed (its owner's account deleted). A closed wallet with history keeps its
 * row and its ledger entries, so the audit still balances; it takes no money and is no one's.
 */
export class ClosedWallets1795600000000 implements MigrationInterface {
  name = 'ClosedWallets1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('wallets', new TableColumn(timestampColumn('closed_at', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('wallets', 'closed_at');
  }
}
