import { Clock, IdGenerator, mysqlOptions, PasswordHasher, SqlTransactions, UuidGenerator } from '@webchat/platform';
import { createMysqlSchema, describeOnMysql, openSqliteDataSource } from '@webchat/platform/testing';
import { DataSource } from 'typeorm';
import { AuditWallets } from '../../../application/audit-wallets.use-case';
import { BookReservedTransfer, BookReservedTransferCommand } from '../../../application/book-reserved-transfer.use-case';
import { CancelReservedTransfer } from '../../../application/cancel-reserved-transfer.use-case';
import { RunDueReservedTransfers } from '../../../application/run-due-reserved-transfers.use-case';
import { WalletAccess } from '../../../application/wallet-access';
import { ReservedTransfer } from '../../../domain/reserved-transfer';
import { Wallet } from '../../../domain/wallet';
import { ReservedTransferRecord } from './reserved-transfer.record';
import { TransferRecord } from './transfer.record';
import { TypeormReservedTransferStore } from './typeorm-reserved-transfer-store.adapter';
import { TypeormWalletAudit } from './typeorm-wallet-audit.adapter';
import { TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { TypeormWalletStore } from './typeorm-wallet-store.adapter';
import { walletPersistence } from './wallet-persistence';
import { StandInChannels } from '../../../application/ports/wallet-channels.stand-in';

class SettableClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return this.current;
  }
}

/** Cheap and deterministic: these tests are about scheduling, not hashing. */
class PlainHasher extends PasswordHasher {
  hash(password: string): Promise<string> {
    return Promise.resolve(`plain:${password}`);
  }
  verify(hash: string, password: string): Promise<boolean> {
    return Promise.resolve(hash === `plain:${password}`);
  }
}

const utc = (iso: string) => new Date(`${iso}Z`);
const ids: IdGenerator = new UuidGenerator();

/** One server node's view: its own data source (its own connections) over the shared database. */
function node(dataSource: DataSource, clock: Clock) {
  const transactions = new SqlTransactions(dataSource);
  const channels = new StandInChannels();
  const wallets = new TypeormWalletStore(dataSource, transactions, channels);
  const ledger = new TypeormWalletLedger(transactions, channels);
  const reserved = new TypeormReservedTransferStore(dataSource, transactions, ledger);
  const access = new WalletAccess(wallets, new PlainHasher());
  return {
    dataSource,
    wallets,
    ledger,
    reserved,
    book: new BookReservedTransfer(access, reserved, ids, clock),
    cancel: new CancelReservedTransfer(reserved),
    runDue: new RunDueReservedTransfers(reserved, ids, clock),
    audit: new AuditWallets(new TypeormWalletAudit(transactions)),
  };
}
type Node = ReturnType<typeof node>;

interface Cluster {
  readonly a: Node;
  readonly b: Node;
  close(): Promise<void>;
}

async function mysqlCluster(clock: Clock): Promise<Cluster> {
  const schema = await createMysqlSchema();
  const sources = [0, 1].map(
    () => new DataSource({ ...mysqlOptions(schema.url), entities: walletPersistence.entities, migrations: walletPersistence.migrations }),
  );
  for (const source of sources) await source.initialize();
  await sources[0].runMigrations({ transaction: 'each' });
  return {
    a: node(sources[0], clock),
    b: node(sources[1], clock),
    close: async () => {
      for (const source of sources) await source.destroy();
      await schema.drop();
    },
  };
}

/** SQLite has one writer: two schedulers in one process over one data source. */
async function sqliteCluster(clock: Clock): Promise<Cluster> {
  const db = await openSqliteDataSource([walletPersistence]);
  const shared = node(db.dataSource, clock);
  return { a: shared, b: { ...shared, runDue: new RunDueReservedTransfers(shared.reserved, ids, clock) }, close: () => db.close() };
}

function reservedSuite(open: (clock: Clock) => Promise<Cluster>): void {
  const clock = new SettableClock(utc('2027-01-30T10:00:00.000'));
  let cluster: Cluster;
  let a: Node;
  beforeEach(async () => {
    clock.current = utc('2027-01-30T10:00:00.000');
    cluster = await open(clock);
    a = cluster.a;
  });
  afterEach(() => cluster.close());

  async function personalWallet(balance: number): Promise<Wallet> {
    const wallet: Wallet = { id: ids.next(), kind: 'PERSONAL', ownerId: ids.next(), channelId: null, name: null, description: null, passwordHash: 'plain:secret', balance: 0, createdAt: clock.now() };
    await a.wallets.createPersonal(wallet);
    if (balance > 0) {
      await a.ledger.move([wallet.id], 'test', (locked) => {
        const entry = { id: ids.next(), walletId: wallet.id, type: 'DEPOSIT' as const, amount: balance, balanceAfter: locked.get(wallet.id)!.wallet.balance + balance, transferId: null, actorId: 'test', createdAt: clock.now() };
        return { entries: [entry], result: entry };
      });
    }
    return wallet;
  }

  const booking = (from: Wallet, to: Wallet, amount: number, executeAt: string, repeat: ReservedTransfer['repeat'] = 'NONE'): BookReservedTransferCommand => ({
    actorId: from.ownerId!,
    fromWalletId: from.id,
    toWalletId: to.id,
    amount,
    password: 'secret',
    executeAt: utc(executeAt),
    repeat,
  });
  const rows = async () => new Map((await a.dataSource.manager.find(ReservedTransferRecord)).map((row) => [row.id, row]));
  const runsOf = async (reservedId: string) => a.dataSource.manager.findBy(TransferRecord, { reservedTransferId: reservedId });
  const bothNodesRun = async () => {
    const [x, y] = await Promise.all([cluster.a.runDue.execute(), cluster.b.runDue.execute()]);
    return { succeeded: x.succeeded + y.succeeded, failed: x.failed + y.failed, faults: x.faults + y.faults };
  };

  it('runs each due transfer exactly once with two schedulers racing; records failures; never runs a cancelled one; rebooks DAILY and MONTHLY', async () => {
    const rich = [await personalWallet(1_000_000), await personalWallet(1_000_000), await personalWallet(1_000_000)];
    const poor = await personalWallet(0);
    const doomed = await personalWallet(0);
    const due = '2027-01-31T09:00:00.000';
    const once: ReservedTransfer[] = [];
    for (let i = 0; i < 30; i += 1) once.push(await a.book.execute(booking(rich[i % 3], rich[(i + 1) % 3], 100 + i, due)));
    const broke = await a.book.execute(booking(poor, rich[0], 50, due));
    const toGone = await a.book.execute(booking(rich[0], doomed, 10, due));
    const cancelled = await a.book.execute(booking(rich[1], rich[2], 10, due));
    const daily = await a.book.execute(booking(rich[2], rich[0], 1_000, due, 'DAILY'));
    const monthly = await a.book.execute(booking(rich[1], rich[0], 5_000, due, 'MONTHLY'));
    const later = await a.book.execute(booking(rich[0], rich[1], 7, '2027-02-01T00:00:00.000'));
    await a.cancel.execute(cancelled.bookedById, cancelled.id);
    await expect(a.cancel.execute(cancelled.bookedById, cancelled.id)).rejects.toThrow('Only a SCHEDULED transfer can be cancelled');
    await a.dataSource.query('DELETE FROM wallets WHERE id = ?', [doomed.id]);

    clock.current = utc('2027-01-31T09:00:00.500');
    expect(await bothNodesRun()).toEqual({ succeeded: 32, failed: 2, faults: 0 });
    expect(await bothNodesRun()).toEqual({ succeeded: 0, failed: 0, faults: 0 });

    const after = await rows();
    for (const booked of once) {
      expect(after.get(booked.id)).toMatchObject({ status: 'SUCCEEDED', failureReason: null, lastResult: 'SUCCEEDED', lastRunAt: clock.current });
      expect(await runsOf(booked.id)).toHaveLength(1);
    }
    expect(after.get(broke.id)).toMatchObject({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect(after.get(toGone.id)).toMatchObject({ status: 'FAILED', failureReason: 'WALLET_NOT_FOUND' });
    expect(after.get(cancelled.id)).toMatchObject({ status: 'CANCELLED', lastRunAt: null });
    expect(after.get(later.id)).toMatchObject({ status: 'SCHEDULED', lastRunAt: null });
    for (const id of [broke.id, toGone.id, cancelled.id, later.id]) expect(await runsOf(id)).toEqual([]);
    expect(after.get(daily.id)).toMatchObject({ status: 'SCHEDULED', executeAt: utc('2027-02-01T09:00:00.000'), lastResult: 'SUCCEEDED' });
    expect(after.get(monthly.id)).toMatchObject({ status: 'SCHEDULED', executeAt: utc('2027-02-28T09:00:00.000'), lastResult: 'SUCCEEDED' });

    // A month on, no node having run meanwhile: DAILY runs once for each day it missed (Feb 1–28),
    // MONTHLY runs on Feb 28, then back to the 31st; `later` runs once.
    clock.current = utc('2027-02-28T09:00:01.000');
    expect(await bothNodesRun()).toEqual({ succeeded: 28 + 1 + 1, failed: 0, faults: 0 });
    expect((await rows()).get(daily.id)).toMatchObject({ executeAt: utc('2027-03-01T09:00:00.000'), lastRunAt: clock.current });
    expect((await rows()).get(monthly.id)).toMatchObject({ executeAt: utc('2027-03-31T09:00:00.000') });
    clock.current = utc('2027-03-31T09:00:00.000');
    await bothNodesRun();
    expect((await rows()).get(monthly.id)).toMatchObject({ executeAt: utc('2027-04-30T09:00:00.000') });
    const dueTimes = async (reservedId: string) => (await runsOf(reservedId)).map((run) => run.dueAt?.toISOString()).sort();
    expect(await dueTimes(monthly.id)).toEqual(['2027-01-31T09:00:00.000Z', '2027-02-28T09:00:00.000Z', '2027-03-31T09:00:00.000Z']);
    // Every day from Jan 31 to Mar 31, each exactly once.
    const everyDay = Array.from({ length: 60 }, (_, day) => new Date(utc(due).getTime() + day * 86_400_000).toISOString());
    expect(await dueTimes(daily.id)).toEqual(everyDay);

    const audit = await a.audit.execute();
    expect(audit.problems).toEqual([]);
  }, 60_000);

  it('rolls the claim back with the transfer when a run faults, so the due time runs later, once', async () => {
    const [from, to] = [await personalWallet(100), await personalWallet(0)];
    const booked = await a.book.execute(booking(from, to, 40, '2027-01-31T09:00:00.000'));
    clock.current = utc('2027-01-31T10:00:00.000');
    await expect(
      a.reserved.runNextDue(clock.current, [], () => ({
        plan: () => {
          throw new Error('the node died here');
        },
        failureOf: () => undefined,
        next: () => {
          throw new Error('not reached');
        },
      })),
    ).rejects.toThrow('the node died here');
    expect((await rows()).get(booked.id)).toMatchObject({ status: 'SCHEDULED', lastRunAt: null });
    expect(await runsOf(booked.id)).toEqual([]);
    expect(await bothNodesRun()).toEqual({ succeeded: 1, failed: 0, faults: 0 });
    expect((await a.wallets.findById(to.id))?.balance).toBe(40);
  });

  // A real crash, not a thrown error: the database sees node a's connection die while it holds the claim.
  const onMariadb = open === mysqlCluster ? it : it.skip;
  onMariadb('runs a due time once when a node’s connection dies between its claim and its commit; the other node skips the held row meanwhile', async () => {
    const [from, to] = [await personalWallet(100), await personalWallet(0)];
    const booked = await a.book.execute(booking(from, to, 40, '2027-01-31T09:00:00.000'));
    clock.current = utc('2027-01-31T10:00:00.000');
    // Someone else holds the paying wallet, so node a's run stops inside its transaction, right after its claim.
    const blocker = cluster.b.dataSource.createQueryRunner();
    await blocker.startTransaction();
    try {
      await blocker.query('SELECT id FROM wallets WHERE id = ? FOR UPDATE', [from.id]);
      const crashing = cluster.a.runDue.execute();
      // Node a's connection, waiting for that lock: this test's schema only (the server is shared).
      let waiting: { id: string }[] = [];
      for (let attempt = 0; attempt < 100 && waiting.length === 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        waiting = await cluster.b.dataSource.query(
          `SELECT t.trx_mysql_thread_id AS id FROM information_schema.INNODB_TRX t
             JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
            WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`,
        );
      }
      expect(waiting).toHaveLength(1);
      expect(await cluster.b.runDue.execute()).toMatchObject({ succeeded: 0, failed: 0, faults: 0 });

      await cluster.b.dataSource.query(`KILL CONNECTION ${Number(waiting[0].id)}`);
      expect(await crashing).toMatchObject({ succeeded: 0, failed: 0, faults: 1 });
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect((await rows()).get(booked.id)).toMatchObject({ status: 'SCHEDULED', lastRunAt: null });
    expect(await runsOf(booked.id)).toEqual([]);

    expect(await bothNodesRun()).toEqual({ succeeded: 1, failed: 0, faults: 0 });
    expect(await bothNodesRun()).toEqual({ succeeded: 0, failed: 0, faults: 0 });
    expect(await runsOf(booked.id)).toHaveLength(1);
    expect([(await a.wallets.findById(from.id))?.balance, (await a.wallets.findById(to.id))?.balance]).toEqual([60, 40]);
  }, 30_000);

  it('refuses to book in the past, the same wallet twice, a wrong password or a wallet the booker may not spend from', async () => {
    const [mine, other] = [await personalWallet(10), await personalWallet(10)];
    await expect(a.book.execute(booking(mine, other, 1, '2027-01-30T10:00:00.000'))).rejects.toThrow('executeAt must be in the future');
    await expect(a.book.execute(booking(mine, mine, 1, '2027-02-01T00:00:00.000'))).rejects.toThrow('must differ');
    await expect(a.book.execute({ ...booking(mine, other, 1, '2027-02-01T00:00:00.000'), password: 'nope' })).rejects.toThrow('Wrong wallet password');
    await expect(a.book.execute({ ...booking(mine, other, 1, '2027-02-01T00:00:00.000'), actorId: other.ownerId! })).rejects.toThrow('Only the owner');
    expect(await rows()).toEqual(new Map());
  });
}

describe('reserved transfers, two schedulers [sqlite]', () => reservedSuite(sqliteCluster));
describeOnMysql('reserved transfers, two schedulers on two connection pools', () => reservedSuite(mysqlCluster));
