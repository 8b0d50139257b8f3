import { Injectable } from '@nestjs/common';
import { SqlTransactions } from '@webchat/platform';
import { EntityManager } from 'typeorm';
import { AuditFacts, WalletAuditReader, WalletFacts } from '../../../application/ports/wallet-audit.port';
import { toSafeInteger } from './bigint-column';

type Row = Record<string, string | number | null>;
const int = (value: string | number | null | undefined): number => toSafeInteger(value ?? 0);
const nullableInt = (value: string | number | null | undefined): number | null => (value === null || value === undefined ? null : toSafeInteger(value));

const CREDIT = "e.type IN ('DEPOSIT', 'TRANSFER_IN')";

/**
 * The audit's facts in a few aggregate queries, inside one transaction (one snapshot on
 * MySQL's REPEATABLE READ; SQLite's transactions run one at a time). SUMs come back as
 * DECIMAL strings on MySQL and are read as exact integers.
 */
@Injectable()
export class TypeormWalletAudit extends WalletAuditReader {
  constructor(private readonly transactions: SqlTransactions) {
    super();
  }

  read(): Promise<AuditFacts> {
    return this.transactions.run(async (manager) => ({
      wallets: await this.wallets(manager),
      ...(await this.totals(manager)),
      unpairedTransferIds: await this.unpaired(manager),
    }));
  }

  private async wallets(manager: EntityManager): Promise<WalletFacts[]> {
    const rows: Row[] = await manager.query(
      `SELECT w.id AS walletId, w.balance AS balance,
              COALESCE(SUM(CASE WHEN ${CREDIT} THEN e.amount ELSE -e.amount END), 0) AS ledgerSum,
              MIN(e.balance_after) AS lowest,
              (SELECT l.balance_after FROM ledger_entries l WHERE l.wallet_id = w.id ORDER BY l.seq DESC LIMIT 1) AS lastBalanceAfter
         FROM wallets w LEFT JOIN ledger_entries e ON e.wallet_id = w.id
        GROUP BY w.id, w.balance`,
    );
    return rows.map((row) => ({
      walletId: String(row.walletId),
      balance: int(row.balance),
      ledgerSum: int(row.ledgerSum),
      lastBalanceAfter: nullableInt(row.lastBalanceAfter),
      lowestBalanceAfter: nullableInt(row.lowest),
    }));
  }

  private async totals(manager: EntityManager): Promise<{ deposits: number; withdrawals: number }> {
    const [row]: Row[] = await manager.query(
      `SELECT COALESCE(SUM(CASE WHEN type = 'DEPOSIT' THEN amount ELSE 0 END), 0) AS deposits,
              COALESCE(SUM(CASE WHEN type = 'WITHDRAWAL' THEN amount ELSE 0 END), 0) AS withdrawals
         FROM ledger_entries`,
    );
    return { deposits: int(row.deposits), withdrawals: int(row.withdrawals) };
  }

  private async unpaired(manager: EntityManager): Promise<string[]> {
    const rows: Row[] = await manager.query(
      `SELECT t.id AS id FROM transfers t LEFT JOIN ledger_entries e ON e.transfer_id = t.id
        GROUP BY t.id
       HAVING SUM(CASE WHEN e.type = 'TRANSFER_OUT' THEN 1 ELSE 0 END) <> 1
           OR SUM(CASE WHEN e.type = 'TRANSFER_IN' THEN 1 ELSE 0 END) <> 1
           OR COUNT(e.id) <> 2
       UNION
       SELECT e.transfer_id AS id FROM ledger_entries e LEFT JOIN transfers t ON t.id = e.transfer_id
        WHERE e.transfer_id IS NOT NULL AND t.id IS NULL`,
    );
    return rows.map((row) => String(row.id));
  }
}
