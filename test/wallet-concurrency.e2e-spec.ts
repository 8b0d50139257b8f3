import { describeOnMysql } from '@webchat/platform/testing';
import { moneyStorm } from './support/money-storm';
import { appOnMysqlSchema } from './support/mysql-test-app';
import { startTestApp, TestApp } from './support/test-app';

/** Far above what the storm sends, so no answer is a 429. */
const UNLIMITED_REST = { RATE_LIMIT_REST_PER_SECOND: '1000000', RATE_LIMIT_REST_BURST: '10000000' };

function expectConserved(outcome: Awaited<ReturnType<typeof moneyStorm>>, operations: number): void {
  expect(Object.keys(outcome.statuses).filter((status) => status !== '201' && status !== '409')).toEqual([]);
  // Enough moves went through for the storm to mean something (the rest ran out of funds).
  expect(outcome.statuses[201]).toBeGreaterThan(operations / 4);
  expect(outcome.divergentReplays).toEqual([]);
  expect(outcome.audit.problems).toEqual([]);
  expect(outcome.audit.ok).toBe(true);
  expect(outcome.totalOfBalances).toBe(outcome.expectedTotal);
  expect(outcome.audit.sumOfBalances).toBe(outcome.expectedTotal);
}

describeOnMysql('money moves at once through HTTP', () => {
  const mysql = appOnMysqlSchema({ ...UNLIMITED_REST });

  it('1,000 transfers, deposits and withdrawals among 10 wallets, some sent twice: 201 or 409, never a second effect, money conserved', async () => {
    expectConserved(await moneyStorm(mysql.app, 10, 1_000), 1_000);
  }, 120_000);
});

describe('money moves at once through HTTP [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(UNLIMITED_REST);
  });
  afterAll(() => t.close());

  it('200 transfers, deposits and withdrawals among 5 wallets, some sent twice: money conserved', async () => {
    expectConserved(await moneyStorm(t, 5, 200), 200);
  }, 60_000);
});
