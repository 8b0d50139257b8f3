import { SqlTransactions } from '@webchat/platform';
import { describeOnMysql, openTestDataSource, TestDatabase, TestDataSource } from '@webchat/platform/testing';
import { AuditWallets } from '../../../application/audit-wallets.use-case';
import { Wallet } from '../../../domain/wallet';
import { TypeormWalletAudit } from './typeorm-wallet-audit.adapter';
import { TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './typeorm-wallet-store.adapter';
import { walletPersistence } from './wallet-persistence';
import { StandInChannels } from '../../../application/ports/wallet-channels.stand-in';

let sequence = 0;
const nextId = () => `00000000-0000-4000-9000-${String((sequence += 1)).padStart(12, '0')}`;
const at = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));

function auditSuite(kind: TestDatabase): void {
  let db: TestDataSource;
  let audit: AuditWallets;
  let a: Wallet;
  let b: Wallet;
  let transferId: string;

  beforeEach(async () => {
    db = await openTestDataSource(kind, [walletPersistence]);
    const transactions = new SqlTransactions(db.dataSource);
    const channels = new StandInChannels();
    const store = new TypeormWalletStore(db.dataSource, transactions, channels);
    const ledger = new TypeormWalletLedger(transactions, channels);
    audit = new AuditWallets(new TypeormWalletAudit(transactions));
    [a, b] = [nextId(), nextId()].map((id) => ({
      id, kind: 'PERSONAL' as const, ownerId: nextId(), channelId: null, name: null, description: null, passwordHash: 'h', balance: 0, createdAt: at,
    }));
    for (const wallet of [a, b]) await store.createPersonal(wallet);
    await ledger.move([a.id], 'actor', (locked) => {
      const made = { id: nextId(), walletId: a.id, type: 'DEPOSIT' as const, amount: 3_000_000_000_000, balanceAfter: locked.get(a.id)!.wallet.balance + 3_000_000_000_000, transferId: null, actorId: 'actor', createdAt: at };
      return { entries: [made], result: made };
    });
    transferId = nextId();
    await ledger.move([a.id, b.id], 'actor', () => ({
      entries: [
        { id: nextId(), walletId: a.id, type: 'TRANSFER_OUT', amount: 1_000, balanceAfter: 2_999_999_999_000, transferId, actorId: 'actor', createdAt: at },
        { id: nextId(), walletId: b.id, type: 'TRANSFER_IN', amount: 1_000, balanceAfter: 1_000, transferId, actorId: 'actor', createdAt: at },
      ],
      transfer: { id: transferId, fromWalletId: a.id, toWalletId: b.id, amount: 1_000, actorId: 'actor', createdAt: at },
      result: transferId,
    }));
  });
  afterEach(() => db.close());

  it('passes a ledger that adds up, with sums beyond 2^32', async () => {
    expect(await audit.execute()).toEqual({ ok: true, walletCount: 2, sumOfBalances: 3_000_000_000_000, deposits: 3_000_000_000_000, withdrawals: 0, problems: [] });
  });

  it('reports a balance that disagrees with its entries', async () => {
    await db.dataSource.query('UPDATE wallets SET balance = balance + 1 WHERE id = ?', [b.id]);
    const report = await audit.execute();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      `wallet ${b.id}: balance 1001 but its entries sum to 1000`,
      `wallet ${b.id}: balance 1001 but its last entry says 1000`,
      'sum of balances 3000000000001 but deposits 3000000000000 minus withdrawals 0 is 3000000000000',
    ]);
  });

  it('reports a transfer with only one of its entries, and a negative balance', async () => {
    await db.dataSource.query("DELETE FROM ledger_entries WHERE transfer_id = ? AND type = 'TRANSFER_IN'", [transferId]);
    await db.dataSource.query('UPDATE wallets SET balance = -5 WHERE id = ?', [b.id]);
    const problems = (await audit.execute()).problems;
    expect(problems).toEqual(expect.arrayContaining([`transfer ${transferId}: not exactly one TRANSFER_OUT and one TRANSFER_IN entry`, `wallet ${b.id}: negative balance -5`]));
  });
}

describe('TypeormWalletAudit [sqlite]', () => auditSuite('sqlite'));
describeOnMysql('TypeormWalletAudit', () => auditSuite('mysql'));
