import { Column, Entity, PrimaryColumn } from 'typeorm';
import { describeOnMysql, openTestDataSource, TestDatabase, TestDataSource } from '../testing';
import { forUpdate, SqlTransactions } from './sql-transactions';

@Entity({ name: 'counters' })
class CounterRecord {
  @PrimaryColumn({ type: 'varchar', length: 10 }) id!: string;
  @Column({ type: 'int' }) value!: number;
}

class CreateCounters1700000000000 {
  name = 'CreateCounters1700000000000';
  async up(runner: { query(sql: string): Promise<unknown> }) {
    await runner.query('CREATE TABLE counters (id varchar(10) PRIMARY KEY, value int NOT NULL)');
  }
  async down(runner: { query(sql: string): Promise<unknown> }) {
    await runner.query('DROP TABLE counters');
  }
}

function transactionsContract(kind: TestDatabase) {
  let db: TestDataSource;
  let transactions: SqlTransactions;
  beforeEach(async () => {
    db = await openTestDataSource(kind, [{ entities: [CounterRecord], migrations: [CreateCounters1700000000000] }]);
    transactions = new SqlTransactions(db.dataSource);
    await db.dataSource.getRepository(CounterRecord).insert({ id: 'c', value: 0 });
  });
  afterEach(() => db.close());

  it('keeps concurrent read-modify-write transactions from losing updates', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        transactions.run(async (manager) => {
          const row = await manager.getRepository(CounterRecord).findOne({ where: { id: 'c' }, lock: forUpdate(manager) });
          await new Promise((resolve) => setImmediate(resolve));
          await manager.getRepository(CounterRecord).update({ id: 'c' }, { value: row!.value + 1 });
        }),
      ),
    );
    expect((await db.dataSource.getRepository(CounterRecord).findOneByOrFail({ id: 'c' })).value).toBe(20);
  });

  it('rolls a failed unit back without touching the one that runs beside it', async () => {
    const failing = transactions.run(async (manager) => {
      await manager.getRepository(CounterRecord).update({ id: 'c' }, { value: 100 });
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('boom');
    });
    const succeeding = transactions.run((manager) => manager.getRepository(CounterRecord).insert({ id: 'd', value: 1 }));
    await expect(failing).rejects.toThrow('boom');
    await succeeding;
    const rows = await db.dataSource.getRepository(CounterRecord).find({ order: { id: 'ASC' } });
    expect(rows.map((row) => [row.id, row.value])).toEqual([['c', 0], ['d', 1]]);
  });

  it('hands the running transaction to code it calls: current() and a nested run join it, and roll back with it', async () => {
    const counters = (manager = db.dataSource.manager) => manager.getRepository(CounterRecord);
    const failing = transactions.run(async (outer) => {
      expect(transactions.current()).toBe(outer);
      await transactions.run((inner) => {
        expect(inner).toBe(outer);
        return counters(inner).insert({ id: 'e', value: 1 });
      });
      await counters(transactions.current()).update({ id: 'c' }, { value: 7 });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect((await counters().find({ order: { id: 'ASC' } })).map((row) => [row.id, row.value])).toEqual([['c', 0]]);
  });

  it('has no current transaction outside run, nor in a callback a finished one left behind', async () => {
    expect(() => transactions.current()).toThrow('outside a transaction');
    let leftBehind: Promise<void> | undefined;
    await transactions.run(async () => {
      leftBehind = new Promise((resolve) => setTimeout(resolve, 5)).then(() => {
        expect(() => transactions.current()).toThrow('outside a transaction');
      });
    });
    await leftBehind;
    // A run started from that callback is a transaction of its own, not the ended one.
    await expect(transactions.run((manager) => manager.getRepository(CounterRecord).insert({ id: 'f', value: 1 }))).resolves.toBeDefined();
  });
}

describe('SqlTransactions [sqlite]', () => transactionsContract('sqlite'));
describeOnMysql('SqlTransactions', () => transactionsContract('mysql'));
