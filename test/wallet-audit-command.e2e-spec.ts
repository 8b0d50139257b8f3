import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '@webchat/platform';
import { signedInUser, startTestApp } from './support/test-app';
import { walletClient } from './support/wallet-client';

const root = join(__dirname, '..');

/** `npm run wallet:audit` as it runs (its source through tsx, so no build is needed), on a data folder. */
function auditCommand(dataDir: string) {
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['apps/server/src/wallet-audit.ts'], {
    cwd: root,
    env: { ...process.env, DB: 'sqlite', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the wallet:audit command', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'webchat-audit-'));
    const t = await startTestApp({ DATA_DIR: dataDir });
    try {
      const client = walletClient(t, await signedInUser(t.http, 'Audited'));
      const wallet = await client.openWallet();
      await client.deposit(wallet, 700).expect(201);
      await client.withdraw(wallet, 200).expect(201);
    } finally {
      await t.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 with a summary on a ledger that adds up, then 1 naming the problem once a balance is tampered with', () => {
    const clean = auditCommand(dataDir);
    expect({ code: clean.code, stdout: clean.stdout }).toEqual({ code: 0, stdout: 'wallet audit OK: 1 wallet(s), balances 500, deposits 700, withdrawals 200\n' });

    const db = new Database(join(dataDir, SQLITE_FILE));
    db.prepare('UPDATE wallets SET balance = balance + 1').run();
    db.close();
    const broken = auditCommand(dataDir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^wallet audit FAILED \(\d+ problem\(s\)\): 1 wallet\(s\), balances 501/);
    expect(broken.stderr).toMatch(/\n {2}- .*501/);
  }, 120_000);
});
