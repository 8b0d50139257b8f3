import { ChannelFunds } from '@webchat/channel';
import { DataSource } from 'typeorm';
import { AuditReport, AuditWallets } from '@webchat/wallet';
import { signedInUser, TestApp } from './test-app';
import { WALLET_PASSWORD, walletClient } from './wallet-client';

/** How one round of the race ended. */
export interface LeaveRaceRound {
  readonly leave: number;
  /** Every money move's status, deposits and transfers in. */
  readonly moves: number[];
  /** The sum of the moves that answered 201. */
  readonly landed: number;
  /** The group wallet's balance as stored once the round is over. */
  readonly balance: number;
}

export interface LeaveRaceOutcome {
  readonly rounds: LeaveRaceRound[];
  readonly audit: AuditReport;
}

const MOVES_PER_ROUND = 6;

/**
 * `rounds` times: a channel whose only member made a group wallet; that member leaves while
 * deposits (theirs) and transfers in (an outsider's) race the leave, a few milliseconds apart
 * (the leave 0–7 ms after the first move, by round).
 * Whatever interleaving the server picks, the money must either keep the channel (leave 409)
 * or never land (the channel is gone, and so is the wallet's use).
 */
export async function raceDepositsWithLastLeave(t: TestApp, rounds: number): Promise<LeaveRaceOutcome> {
  const member = walletClient(t, await signedInUser(t.http, 'Last member'));
  const outsider = walletClient(t, await signedInUser(t.http, 'Payer'));
  const payerWallet = await outsider.openWallet();
  await outsider.deposit(payerWallet, 1_000_000).expect(201);
  const stored = t.app.get(DataSource);
  const results: LeaveRaceRound[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const channel = (await member.post('/api/channels', { name: `Race ${round}` }).expect(201)).body;
    const wallet = (await member.post(`/api/channels/${channel.id}/wallets`, { name: 'Pot', password: WALLET_PASSWORD }).expect(201)).body;
    const amounts = Array.from({ length: MOVES_PER_ROUND }, (_, i) => 10 + i);
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The leave starts a little later from round to round, so it meets the moves at every stage.
    const [leave, ...moves] = await Promise.all([
      later(round % 8).then(() => member.post(`/api/channels/${channel.id}/leave`)),
      ...amounts.map(async (amount, i) => {
        await later(i % 3);
        return i % 2 === 0 ? member.deposit(wallet.id, amount) : outsider.transfer(payerWallet, wallet.id, amount);
      }),
    ]);
    const rows: { balance: string | number }[] = await stored.query('SELECT balance FROM wallets WHERE id = ?', [wallet.id]);
    results.push({
      leave: leave.status,
      moves: moves.map((answer) => answer.status),
      landed: moves.reduce((sum, answer, i) => sum + (answer.status === 201 ? amounts[i] : 0), 0),
      balance: Number(rows[0].balance),
    });
  }
  return { rounds: results, audit: await t.app.get(AuditWallets).execute() };
}

/** The rule the race must keep, checked on every round; the failing rounds are returned for the report. */
export function brokenRounds(outcome: LeaveRaceOutcome): LeaveRaceRound[] {
  return outcome.rounds.filter((round) => {
    const statusesFine = (round.leave === 204 || round.leave === 409) && round.moves.every((status) => [201, 404, 409].includes(status));
    const kept = round.leave === 409 && round.balance === round.landed && round.balance > 0;
    const gone = round.leave === 204 && round.balance === 0 && round.landed === 0;
    return !statusesFine || !(kept || gone);
  });
}

/** What the deterministic interleaving saw: the leave's and the deposit's answers, and the wallet afterwards. */
export interface CheckInterleaving {
  readonly leave: number;
  readonly deposit: number;
  /** Whether the deposit had answered by the time the funds check returned. */
  readonly depositDoneBeforeCheckReturned: boolean;
  readonly balance: number;
}

/**
 * The race made certain with a hook on the ChannelFunds adapter: while the last member's leave
 * asks whether the group wallet holds money (after the wallet library read "no"), a deposit into
 * that wallet is sent, and the check waits up to `waitMs` for it before answering. A check made
 * outside the leave's lock lets the deposit land, then deletes the channel over it.
 */
export async function depositDuringFundsCheck(t: TestApp, waitMs = 300): Promise<CheckInterleaving> {
  const member = walletClient(t, await signedInUser(t.http, 'Last member'));
  const channel = (await member.post('/api/channels', { name: 'Checked' }).expect(201)).body;
  const wallet = (await member.post(`/api/channels/${channel.id}/wallets`, { name: 'Pot', password: WALLET_PASSWORD }).expect(201)).body;
  const funds = t.app.get(ChannelFunds);
  const ask = funds.holdsMoney.bind(funds);
  // Chained here, outside the leave's transaction, so the deposit's request is not part of it.
  let fire = () => {};
  const deposit = new Promise<void>((resolve) => {
    fire = resolve;
  }).then(() => member.deposit(wallet.id, 50));
  let depositDone = false;
  void deposit.then(() => {
    depositDone = true;
  });
  let depositDoneBeforeCheckReturned = false;
  const hook = jest.spyOn(funds, 'holdsMoney').mockImplementation(async (channelId) => {
    const answer = await ask(channelId);
    if (channelId !== channel.id) return answer;
    fire();
    await Promise.race([deposit, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    depositDoneBeforeCheckReturned = depositDone;
    return answer;
  });
  try {
    const leave = await member.post(`/api/channels/${channel.id}/leave`);
    const deposited = await deposit;
    const rows: { balance: string | number }[] = await t.app.get(DataSource).query('SELECT balance FROM wallets WHERE id = ?', [wallet.id]);
    return { leave: leave.status, deposit: deposited.status, depositDoneBeforeCheckReturned, balance: Number(rows[0].balance) };
  } finally {
    hook.mockRestore();
  }
}
