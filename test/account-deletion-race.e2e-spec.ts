import { describeOnMysql } from '@webchat/platform/testing';
import { AuditWallets } from '@webchat/wallet';
import { DataSource } from 'typeorm';
import { bearer } from './support/account-client';
import { appOnMysqlSchema } from './support/mysql-test-app';
import { signedInUser } from './support/test-app';
import { walletClient } from './support/wallet-client';

const ROUNDS = 16;

interface Round {
  readonly deletion: number;
  /** The owner's own deposit and a payer's transfer in, each racing the deletion. */
  readonly moves: number[];
  /** Money stored in the wallet after the round (0 when its row is gone). */
  readonly stored: number;
}

describeOnMysql('money racing an account deletion (MariaDB)', () => {
  const mysql = appOnMysqlSchema();

  it(`${ROUNDS} rounds: the deletion is 409 and the money stays with the account, or the account went and no money landed`, async () => {
    const t = mysql.app;
    const payer = walletClient(t, await signedInUser(t.http, 'Payer'));
    const payerWallet = await payer.openWallet();
    await payer.deposit(payerWallet, 1_000_000).expect(201);
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const owner = await signedInUser(t.http, `Owner ${round}`);
      const wallet = await walletClient(t, owner).openWallet();
      // The moves start later and later from round to round (0-45 ms after the deletion), so they meet it at every stage.
      const [deletion, ...moves] = await Promise.all([
        t.http.delete('/api/users/me').set(bearer(owner.token)).send({ password: owner.password }),
        later(3 * round).then(() => walletClient(t, owner).deposit(wallet, 10)),
        later(3 * round + (round % 3)).then(() => payer.transfer(payerWallet, wallet, 5)),
      ]);
      const rows: { balance: string }[] = await t.app.get(DataSource).query('SELECT balance FROM wallets WHERE id = ? AND closed_at IS NULL', [wallet]);
      rounds.push({ deletion: deletion.status, moves: moves.map((move) => move.status), stored: rows.length === 0 ? 0 : Number(rows[0].balance) });
    }
    // A deletion that went through left no money behind and took none in; one refused kept all that landed.
    const broken = rounds.filter((r) => (r.deletion === 204 ? r.moves.some((status) => status === 201) || r.stored !== 0 : r.deletion !== 409 || r.stored === 0));
    if (process.env.DELETION_RACE_REPORT) console.log(JSON.stringify(rounds));
    expect(broken).toEqual([]);
    for (const r of rounds) for (const status of r.moves) expect([201, 401, 404]).toContain(status);
    // Both endings happened, so the race was run, not just one side of it.
    expect(rounds.some((r) => r.deletion === 409)).toBe(true);
    expect(rounds.some((r) => r.deletion === 204)).toBe(true);
    expect((await t.app.get(AuditWallets).execute()).problems).toEqual([]);
  });
});
