import { mysqlOptions, SqlTransactions } from '@webchat/platform';
import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { WalletBusyError } from '../../../domain/wallet.errors';
import { MOVE_ATTEMPTS, TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './typeorm-wallet-store.adapter';
import { walletPersistence } from './wallet-persistence';
import { StandInChannels } from '../../../application/ports/wallet-channels.stand-in';

const walletId = '00000000-0000-4000-a000-000000000001';

describeOnMysql('TypeormWalletLedger against a row held by someone else', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  let ledgerSource: DataSource;
  let blockerSource: DataSource;

  beforeAll(async () => {
    schema = await createMysqlSchema();
    const options = { ...mysqlOptions(schema.url), entities: walletPersistence.entities, migrations: walletPersistence.migrations };
    // One connection, so the short lock wait set on its session holds for every move.
    ledgerSource = new DataSource({ ...options, extra: { connectionLimit: 1 } });
    blockerSource = new DataSource(options);
    await ledgerSource.initialize();
    await ledgerSource.runMigrations();
    await blockerSource.initialize();
    await ledgerSource.query('SET SESSION innodb_lock_wait_timeout = 1');
    await new TypeormWalletStore(ledgerSource, new SqlTransactions(ledgerSource), new StandInChannels()).createPersonal({
      id: walletId, kind: 'PERSONAL', ownerId: walletId, channelId: null, name: null, description: null, passwordHash: 'h', balance: 0, createdAt: new Date(),
    });
  });
  afterAll(async () => {
    await ledgerSource.destroy();
    await blockerSource.destroy();
    await schema.drop();
  });

  it(`answers WalletBusyError after ${MOVE_ATTEMPTS} lock timeouts, writing nothing`, async () => {
    const retries: number[] = [];
    const ledger = new TypeormWalletLedger(new SqlTransactions(ledgerSource), new StandInChannels(), {
      lockWaited: () => undefined,
      transactionTook: () => undefined,
      retried: () => void retries.push(1),
    });
    const runner = blockerSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('SELECT id FROM wallets WHERE id = ? FOR UPDATE', [walletId]);
      const move = ledger.move([walletId], 'actor', (locked) => {
        const entry = { id: '00000000-0000-4000-a000-000000000002', walletId, type: 'DEPOSIT' as const, amount: 5, balanceAfter: locked.get(walletId)!.wallet.balance + 5, transferId: null, actorId: 'actor', createdAt: new Date() };
        return { entries: [entry], result: entry };
      });
      await expect(move).rejects.toThrow(WalletBusyError);
      expect(retries).toHaveLength(MOVE_ATTEMPTS - 1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await ledgerSource.query('SELECT COUNT(*) AS n FROM ledger_entries')).toEqual([{ n: '0' }]);
    expect(await ledgerSource.query('SELECT balance FROM wallets')).toEqual([{ balance: '0' }]);
  }, 30_000);
});
