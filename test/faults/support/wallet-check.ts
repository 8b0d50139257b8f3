import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { WalletLoad } from './wallet-load';

const REPO = join(__dirname, '..', '..', '..');

/** What the database holds after the money load, against what the clients were told. */
export interface WalletVerdict {
  /** `npm run wallet:audit`'s exit code (0: money conserved) and report. */
  readonly auditExit: number | null;
  readonly auditReport: string;
  readonly totalOfBalances: number;
  readonly expectedTotal: number;
  /** Transfers not from a reserved transfer, in the database, and keys answered 201. */
  readonly plainTransfers: number;
  readonly keysDone: number;
  /** Reserved transfers whose run count is not one transfer with two ledger entries, or that did not end SUCCEEDED. */
  readonly reservedWrong: string[];
  readonly reservedRuns: number;
}

/** Counts in the database itself and runs the compiled wallet:audit on it. */
export async function checkWallets(mysqlUrl: string, load: WalletLoad): Promise<WalletVerdict> {
  const sql = await createConnection({ uri: mysqlUrl });
  try {
    const [[{ total }]] = (await sql.query('SELECT CAST(COALESCE(SUM(balance), 0) AS SIGNED) AS total FROM wallets')) as unknown as [{ total: number }[]];
    const [[{ plain }]] = (await sql.query('SELECT COUNT(*) AS plain FROM transfers WHERE reserved_transfer_id IS NULL')) as unknown as [{ plain: number }[]];
    const [rows] = (await sql.query(`
      SELECT r.id, r.status, r.last_result AS lastResult,
        (SELECT COUNT(*) FROM transfers t WHERE t.reserved_transfer_id = r.id) AS runs,
        (SELECT COUNT(*) FROM ledger_entries e JOIN transfers t ON e.transfer_id = t.id WHERE t.reserved_transfer_id = r.id) AS entries
      FROM reserved_transfers r`)) as unknown as [{ id: string; status: string; lastResult: string | null; runs: number; entries: number }[]];
    const booked = new Set(load.reservedIds);
    const reservedWrong = rows
      .filter((row) => booked.has(row.id))
      .filter((row) => Number(row.runs) !== 1 || Number(row.entries) !== 2 || row.status !== 'SUCCEEDED')
      .map((row) => `${row.id}: ${row.status} (${row.lastResult}), ${row.runs} runs, ${row.entries} entries`);
    const missing = load.reservedIds.filter((id) => !rows.some((row) => row.id === id)).map((id) => `${id}: not in reserved_transfers`);
    const audit = spawnSync(process.execPath, [join(REPO, 'dist/apps/server/src/wallet-audit.js')], {
      cwd: REPO,
      env: { ...process.env, DB: 'mysql', MYSQL_URL: mysqlUrl, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return {
      auditExit: audit.status,
      auditReport: `${audit.stdout ?? ''}${audit.stderr ?? ''}`.trim(),
      totalOfBalances: Number(total),
      expectedTotal: load.expectedTotal,
      plainTransfers: Number(plain),
      keysDone: load.doneKeys.size,
      reservedWrong: [...reservedWrong, ...missing],
      reservedRuns: rows.filter((row) => booked.has(row.id)).reduce((sum, row) => sum + Number(row.runs), 0),
    };
  } finally {
    await sql.end();
  }
}
