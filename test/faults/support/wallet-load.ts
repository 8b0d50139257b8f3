import { randomUUID } from 'node:crypto';
import { ProcessCluster, ProcessUser } from '../../support/process-cluster';
import { WALLET_PASSWORD } from '../../support/wallet-client';

const START_BALANCE = 1_000_000;
/** Transfers in flight at once. */
const IN_FLIGHT = 3;
const RETRY_AFTER_MS = 1_000;

interface Transfer {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly amount: number;
  attempts: number;
  retryAt: number;
}

export interface WalletTally {
  /** Transfers asked for (each with its own Idempotency-Key). */
  transfers: number;
  /** Keys answered 201 (each counted once). */
  done: number;
  /** Attempts that failed (no answer, 5xx, 409 while the first still ran) and were sent again with the same key. */
  retried: number;
  reservedBooked: number;
}

/**
 * Money moving through the faults: transfers among a few personal wallets, each with its own
 * Idempotency-Key, sent again with the SAME key after any failure (no answer, 5xx, a 409 while the
 * first is still running) until a final answer; and reserved transfers (once, NONE) booked to come
 * due during each fault. `unexpected` collects any other answer.
 */
export class WalletLoad {
  readonly tally: WalletTally = { transfers: 0, done: 0, retried: 0, reservedBooked: 0 };
  readonly unexpected: string[] = [];
  /** Keys answered 201, with the transfer id each answer named. */
  readonly doneKeys = new Map<string, string>();
  readonly reservedIds: string[] = [];
  private readonly open = new Map<string, Transfer>();
  private inFlight = 0;
  /** Off until startProducing: each fault's counts cover only its own transfers. */
  private producing = false;
  private timer?: NodeJS.Timeout;

  private constructor(
    private readonly cluster: ProcessCluster,
    readonly users: ProcessUser[],
    readonly walletIds: string[],
  ) {}

  static async open(cluster: ProcessCluster, wallets: number): Promise<WalletLoad> {
    const users: ProcessUser[] = [];
    const walletIds: string[] = [];
    const nodeId = cluster.runningNodes()[0];
    for (let w = 0; w < wallets; w += 1) {
      const user = await cluster.signUp(nodeId, `Payer${w}`);
      const { id } = await cluster.expect<{ id: string }>(201, nodeId, 'POST', '/api/wallets', user, { password: WALLET_PASSWORD });
      await cluster.expect(201, nodeId, 'POST', `/api/wallets/${id}/deposits`, user, { amount: START_BALANCE }, { 'idempotency-key': randomUUID() });
      users.push(user);
      walletIds.push(id);
    }
    return new WalletLoad(cluster, users, walletIds);
  }

  /** The money all wallets hold together, as deposited (transfers only move it). */
  get expectedTotal(): number {
    return this.walletIds.length * START_BALANCE;
  }

  /** A new transfer every `everyMs` while producing, and the due retries. */
  start(everyMs: number): void {
    this.timer ??= setInterval(() => this.tick(), everyMs);
  }

  stopProducing(): void {
    this.producing = false;
  }

  startProducing(): void {
    this.producing = true;
  }

  /** Books `count` reserved transfers due between `fromMs` and `toMs` from now; each booking must answer 201. */
  async bookReserved(count: number, fromMs: number, toMs: number): Promise<void> {
    for (let n = 0; n < count; n += 1) {
      const from = n % this.users.length;
      const to = (from + 1) % this.users.length;
      const executeAt = new Date(Date.now() + fromMs + ((toMs - fromMs) * n) / Math.max(1, count - 1)).toISOString();
      const body = { fromWalletId: this.walletIds[from], toWalletId: this.walletIds[to], amount: 7, password: WALLET_PASSWORD, executeAt, repeat: 'NONE' };
      const { id } = await this.cluster.expect<{ id: string }>(201, this.cluster.runningNodes()[0], 'POST', '/api/reserved-transfers', this.users[from], body);
      this.reservedIds.push(id);
      this.tally.reservedBooked += 1;
    }
  }

  /** Waits until every transfer asked for got its final answer; false when the time ran out. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.open.size > 0) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = Date.now();
    for (const transfer of this.open.values()) {
      if (this.inFlight >= IN_FLIGHT) return;
      if (transfer.attempts > 0 && transfer.retryAt <= now) void this.attempt(transfer);
    }
    if (!this.producing || this.inFlight >= IN_FLIGHT) return;
    this.tally.transfers += 1;
    const from = this.tally.transfers % this.users.length;
    const transfer: Transfer = { key: randomUUID(), from, to: (from + 1 + (this.tally.transfers % (this.users.length - 1))) % this.users.length, amount: 1 + (this.tally.transfers % 50), attempts: 0, retryAt: 0 };
    this.open.set(transfer.key, transfer);
    void this.attempt(transfer);
  }

  private async attempt(transfer: Transfer): Promise<void> {
    const running = this.cluster.runningNodes();
    if (running.length === 0) return;
    transfer.attempts += 1;
    if (transfer.attempts > 1) this.tally.retried += 1;
    transfer.retryAt = Number.POSITIVE_INFINITY;
    this.inFlight += 1;
    const body = { fromWalletId: this.walletIds[transfer.from], toWalletId: this.walletIds[transfer.to], amount: transfer.amount, password: WALLET_PASSWORD };
    try {
      const answer = await this.cluster.call<{ id?: string; message?: string }>(running[transfer.attempts % running.length], 'POST', '/api/transfers', this.users[transfer.from], body, { 'idempotency-key': transfer.key }, 10_000);
      if (answer.status === 201 && typeof answer.body.id === 'string') {
        const earlier = this.doneKeys.get(transfer.key);
        if (earlier !== undefined && earlier !== answer.body.id) this.unexpected.push(`${transfer.key} answered two transfers: ${earlier} and ${answer.body.id}`);
        this.doneKeys.set(transfer.key, answer.body.id);
        this.open.delete(transfer.key);
        this.tally.done = this.doneKeys.size;
        return;
      }
      // 409 here is "the first request with this key is still running" (the balances are far above any amount).
      if (answer.status >= 500 || answer.status === 409) {
        transfer.retryAt = Date.now() + RETRY_AFTER_MS;
        return;
      }
      this.unexpected.push(`${transfer.key}: ${answer.status} ${JSON.stringify(answer.body)}`);
      this.open.delete(transfer.key);
    } catch {
      // no answer (the node died, the connection dropped): the same key again later
      transfer.retryAt = Date.now() + RETRY_AFTER_MS;
    } finally {
      this.inFlight -= 1;
    }
  }
}
