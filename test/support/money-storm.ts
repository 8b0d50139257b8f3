import { randomUUID } from 'node:crypto';
import { AuditReport, AuditWallets } from '@webchat/wallet';
import { SignedInUser, signedInUser, TestApp } from './test-app';
import { walletClient } from './wallet-client';

export const STORM_START_BALANCE = 10_000;
/** Requests in flight at once: well above the connection pool (20), below the listen backlog that a burst of 1,000 connects overflows (ECONNRESET). */
const IN_FLIGHT = 200;

interface Operation {
  readonly kind: 'deposit' | 'withdrawal' | 'transfer';
  readonly key: string;
  readonly amount: number;
  readonly send: () => Promise<{ status: number; body: unknown; headers: Record<string, string> }>;
}

export interface StormOutcome {
  readonly statuses: Record<number, number>;
  readonly expectedTotal: number;
  readonly totalOfBalances: number;
  readonly audit: AuditReport;
  /** Keys whose repeats answered differently from their first 201 (must be none). */
  readonly divergentReplays: string[];
  readonly walletIds: string[];
}

/**
 * `operations` money moves at once among `wallets` personal wallets: transfers both ways
 * between random pairs, deposits and withdrawals, every tenth one sent twice with the same key.
 * Works out what the total must be from the keys that answered 201 (each counted once).
 */
export async function moneyStorm(t: TestApp, wallets: number, operations: number): Promise<StormOutcome> {
  const users: SignedInUser[] = [];
  for (let i = 0; i < wallets; i += 1) users.push(await signedInUser(t.http, `Storm ${i}`));
  const clients = users.map((user) => walletClient(t, user));
  const walletIds: string[] = [];
  for (const client of clients) {
    const id = await client.openWallet();
    await client.deposit(id, STORM_START_BALANCE).expect(201);
    walletIds.push(id);
  }
  const pick = (i: number, salt: number) => (i * 7 + salt * 3) % wallets;
  const ops: Operation[] = Array.from({ length: operations }, (_, i) => {
    const from = pick(i, 1);
    const to = (from + 1 + (i % (wallets - 1))) % wallets;
    const amount = 1 + ((i * 37) % 3_000);
    const key = randomUUID();
    const client = clients[from];
    if (i % 10 === 3) return { kind: 'deposit', key, amount, send: () => client.deposit(walletIds[from], amount, key) };
    if (i % 10 === 7) return { kind: 'withdrawal', key, amount, send: () => client.withdraw(walletIds[from], amount, key) };
    return { kind: 'transfer', key, amount, send: () => client.transfer(walletIds[from], walletIds[to], amount, key) };
  });
  // A repeat goes right after its first, so the two are often in flight together.
  const sends = ops.flatMap((op, i) => (i % 10 === 0 ? [op, op] : [op]));
  const answers = await inFlightAtMost(IN_FLIGHT, sends.map((op) => async () => ({ op, answer: await op.send() })));

  const statuses: Record<number, number> = {};
  const firstSuccess = new Map<string, unknown>();
  const divergentReplays: string[] = [];
  for (const { op, answer } of answers) {
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if (answer.status !== 201) continue;
    const earlier = firstSuccess.get(op.key);
    if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(answer.body)) divergentReplays.push(op.key);
    firstSuccess.set(op.key, answer.body);
  }
  const succeeded = ops.filter((op) => firstSuccess.has(op.key));
  const net = succeeded.reduce((sum, op) => sum + (op.kind === 'deposit' ? op.amount : op.kind === 'withdrawal' ? -op.amount : 0), 0);
  const balances = await Promise.all(clients.map((client) => client.get('/api/wallets/me').then((response) => response.body.balance as number)));
  assertEveryBalanceRead(balances, wallets);
  return {
    statuses,
    expectedTotal: wallets * STORM_START_BALANCE + net,
    totalOfBalances: balances.reduce((sum, balance) => sum + balance, 0),
    audit: await t.app.get(AuditWallets).execute(),
    divergentReplays,
    walletIds,
  };
}

function assertEveryBalanceRead(balances: number[], wallets: number): void {
  if (balances.length !== wallets || balances.some((balance) => typeof balance !== 'number')) {
    throw new Error(`could not read every balance: ${JSON.stringify(balances)}`);
  }
}

/** Runs the tasks with at most `limit` of them pending at once; results in task order. */
async function inFlightAtMost<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
