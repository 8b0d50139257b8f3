import { LedgerEntry } from '../../domain/ledger-entry';
import { Money } from '../../domain/money';
import { Wallet } from '../../domain/wallet';
import { InsufficientFundsError, PersonalWalletExistsError, WalletChannelNotFoundError, WalletNotFoundError } from '../../domain/wallet.errors';
import { IdempotencyInProgressError } from '../../domain/idempotency.errors';
import { IdempotencyStore } from './idempotency-store.port';
import { StandInChannels } from './wallet-channels.stand-in';
import { LockedWallet, MoneyMovePlan, WalletLedger } from './wallet-ledger.port';
import { WalletStore } from './wallet-store.port';

export interface WalletPorts {
  readonly wallets: WalletStore;
  readonly ledger: WalletLedger;
  readonly idempotency: IdempotencyStore;
  /** The channel library as the stores see it (they hold a group wallet's channel open). */
  readonly channels: StandInChannels;
}

export interface WalletPortsFixture {
  store: WalletPorts;
  close(): Promise<void>;
}

let sequence = 0;
const nextId = () => `00000000-0000-4000-8000-${String((sequence += 1)).padStart(12, '0')}`;
const at = new Date(Date.UTC(2026, 10, 23, 9, 0, 0, 123));

function personal(ownerId: string, overrides: Partial<Wallet> = {}): Wallet {
  return { id: nextId(), kind: 'PERSONAL', ownerId, channelId: null, name: null, description: null, passwordHash: 'hash', balance: 0, createdAt: at, ...overrides };
}

function entry(locked: LockedWallet, type: LedgerEntry['type'], amount: number, transferId: string | null = null): LedgerEntry {
  const before = Money.of(locked.wallet.balance);
  const after = type === 'DEPOSIT' || type === 'TRANSFER_IN' ? before.plus(Money.amount(amount)) : before.minus(Money.amount(amount));
  return { id: nextId(), walletId: locked.wallet.id, type, amount, balanceAfter: after.won, transferId, actorId: 'actor', createdAt: at };
}

const deposit = (walletId: string, amount: number) => (locked: ReadonlyMap<string, LockedWallet>): MoneyMovePlan<LedgerEntry> => {
  const made = entry(locked.get(walletId)!, 'DEPOSIT', amount);
  return { entries: [made], result: made };
};

const transfer = (from: string, to: string, amount: number) => (locked: ReadonlyMap<string, LockedWallet>): MoneyMovePlan<string> => {
  const id = nextId();
  return {
    entries: [entry(locked.get(from)!, 'TRANSFER_OUT', amount, id), entry(locked.get(to)!, 'TRANSFER_IN', amount, id)],
    transfer: { id, fromWalletId: from, toWalletId: to, amount, actorId: 'actor', createdAt: at },
    result: id,
  };
};

/** The expectations every adapter of WalletStore + WalletLedger + IdempotencyStore must meet; called once per adapter. */
export function walletLedgerContract(open: () => Promise<WalletPortsFixture>): void {
  let fixture: WalletPortsFixture;
  let ports: WalletPorts;
  beforeEach(async () => {
    fixture = await open();
    ports = fixture.store;
  });
  afterEach(() => fixture.close());

  async function opened(ownerId = nextId()): Promise<Wallet> {
    const wallet = personal(ownerId);
    await ports.wallets.createPersonal(wallet);
    return wallet;
  }

  const balanceOf = async (walletId: string) => (await ports.wallets.findById(walletId))?.balance;

  it('keeps one personal wallet per owner', async () => {
    const wallet = await opened('owner-1');
    expect(await ports.wallets.findPersonal('owner-1')).toEqual(wallet);
    await expect(ports.wallets.createPersonal(personal('owner-1'))).rejects.toThrow(PersonalWalletExistsError);
  });

  it('writes the entries and the new balances of a move, numbering entries per wallet', async () => {
    const [a, b] = [await opened(), await opened()];
    await ports.ledger.move([a.id], 'actor', deposit(a.id, 500));
    const transferId = await ports.ledger.move([a.id, b.id], 'actor', transfer(a.id, b.id, 200));
    expect([await balanceOf(a.id), await balanceOf(b.id)]).toEqual([300, 200]);
    const entries = await ports.wallets.pageEntries(a.id, undefined, 10);
    expect(entries.map((e) => [e.seq, e.type, e.amount, e.balanceAfter])).toEqual([
      [2, 'TRANSFER_OUT', 200, 300],
      [1, 'DEPOSIT', 500, 500],
    ]);
    expect(entries[0].transferId).toBe(transferId);
    expect(await ports.wallets.pageEntries(a.id, 2, 10)).toEqual([entries[1]]);
  });

  it('writes nothing when the plan throws, and refuses wallets that do not exist', async () => {
    const [a, b] = [await opened(), await opened()];
    await expect(ports.ledger.move([a.id, b.id], 'actor', transfer(a.id, b.id, 1))).rejects.toThrow(InsufficientFundsError);
    await expect(ports.ledger.move([a.id, nextId()], 'actor', transfer(a.id, b.id, 1))).rejects.toThrow(WalletNotFoundError);
    expect(await ports.wallets.pageEntries(a.id, undefined, 10)).toEqual([]);
    expect(await ports.wallets.pageEntries(b.id, undefined, 10)).toEqual([]);
  });

  it('reads balances beyond 2^32 back as exact numbers', async () => {
    const wallet = await opened();
    for (let i = 0; i < 5; i += 1) await ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 1_000_000_000_000));
    await ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 7));
    expect(await balanceOf(wallet.id)).toBe(5_000_000_000_007);
    expect((await ports.wallets.pageEntries(wallet.id, undefined, 1))[0]).toMatchObject({ amount: 7, balanceAfter: 5_000_000_000_007, seq: 6 });
  });

  it('loses no update when many moves over the same wallets run at once, in both directions', async () => {
    const [a, b, c] = [await opened(), await opened(), await opened()];
    for (const wallet of [a, b, c]) await ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 1_000));
    const pairs = [[a, b], [b, a], [b, c], [c, a], [a, c], [c, b]];
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => {
        const [from, to] = pairs[i % pairs.length];
        return ports.ledger.move([from.id, to.id], 'actor', transfer(from.id, to.id, 1 + (i % 7)));
      }),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const balances = await Promise.all([a, b, c].map((wallet) => balanceOf(wallet.id)));
    expect(balances.reduce((sum, balance) => sum! + balance!, 0)).toBe(3_000);
    for (const wallet of [a, b, c]) {
      const entries = await ports.wallets.pageEntries(wallet.id, undefined, 1_000);
      // Every entry continues from the one before it: no move read a balance another had changed.
      const ascending = [...entries].reverse();
      ascending.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        const before = i === 0 ? 0 : ascending[i - 1].balanceAfter;
        expect(e.balanceAfter).toBe(before + (e.type === 'DEPOSIT' || e.type === 'TRANSFER_IN' ? e.amount : -e.amount));
      });
      expect(ascending[ascending.length - 1].balanceAfter).toBe(await balanceOf(wallet.id));
    }
  });

  it('never takes a balance below zero under concurrent spending', async () => {
    const [a, b] = [await opened(), await opened()];
    await ports.ledger.move([a.id], 'actor', deposit(a.id, 100));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => ports.ledger.move([a.id, b.id], 'actor', transfer(a.id, b.id, 10))));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    expect(results.filter((result) => result.status === 'rejected').every((result) => (result as PromiseRejectedResult).reason instanceof InsufficientFundsError)).toBe(true);
    expect([await balanceOf(a.id), await balanceOf(b.id)]).toEqual([0, 100]);
  });

  describe('group wallets', () => {
    const channelId = nextId();
    async function groupWallet(admin: string): Promise<Wallet> {
      const wallet: Wallet = { ...personal(admin), ownerId: null, kind: 'GROUP', channelId, name: 'Dues', description: null };
      await ports.wallets.createGroup(wallet, { walletId: wallet.id, userId: admin, role: 'ADMIN', joinedAt: at });
      return wallet;
    }

    it('stores a group wallet with its creator as ADMIN, and participants once each in joining order', async () => {
      const wallet = await groupWallet('admin');
      const later = new Date(at.getTime() + 1_000);
      expect(await ports.wallets.addParticipant({ walletId: wallet.id, userId: 'member', role: 'MEMBER', joinedAt: later })).toEqual({
        participant: { walletId: wallet.id, userId: 'member', role: 'MEMBER', joinedAt: later },
        added: true,
      });
      const again = await ports.wallets.addParticipant({ walletId: wallet.id, userId: 'member', role: 'MEMBER', joinedAt: new Date(at.getTime() + 9_000) });
      expect(again).toEqual({ participant: { walletId: wallet.id, userId: 'member', role: 'MEMBER', joinedAt: later }, added: false });
      expect((await ports.wallets.listParticipants(wallet.id)).map((p) => [p.userId, p.role])).toEqual([
        ['admin', 'ADMIN'],
        ['member', 'MEMBER'],
      ]);
      expect(await ports.wallets.listOfChannel(channelId)).toEqual([wallet]);
    });

    it('hands ADMIN over to the heir, joining them if needed, and drops the leaver from every wallet of the channel', async () => {
      const [led, joined] = [await groupWallet('leaver'), await groupWallet('other-admin')];
      await ports.wallets.addParticipant({ walletId: joined.id, userId: 'leaver', role: 'MEMBER', joinedAt: at });
      await ports.wallets.addParticipant({ walletId: joined.id, userId: 'heir', role: 'MEMBER', joinedAt: at });
      expect(await ports.wallets.handOverAdmin(channelId, 'leaver', 'heir', at)).toEqual([led.id]);
      expect((await ports.wallets.listParticipants(led.id)).map((p) => [p.userId, p.role])).toEqual([['heir', 'ADMIN']]);
      expect((await ports.wallets.listParticipants(joined.id)).map((p) => [p.userId, p.role]).sort()).toEqual([
        ['heir', 'MEMBER'],
        ['other-admin', 'ADMIN'],
      ]);
    });

    it('takes no money, no participant and no new wallet once the channel is gone, writing nothing', async () => {
      const gone = nextId();
      const wallet: Wallet = { ...personal('admin'), ownerId: null, kind: 'GROUP', channelId: gone, name: 'Pot', description: null };
      await ports.wallets.createGroup(wallet, { walletId: wallet.id, userId: 'admin', role: 'ADMIN', joinedAt: at });
      const payer = await opened();
      await ports.ledger.move([payer.id], 'actor', deposit(payer.id, 100));
      ports.channels.delete(gone);

      await expect(ports.ledger.move([wallet.id], 'admin', deposit(wallet.id, 5))).rejects.toThrow(WalletNotFoundError);
      await expect(ports.ledger.move([payer.id, wallet.id], 'actor', transfer(payer.id, wallet.id, 5))).rejects.toThrow(WalletNotFoundError);
      await expect(ports.wallets.addParticipant({ walletId: wallet.id, userId: 'late', role: 'MEMBER', joinedAt: at })).rejects.toThrow(WalletNotFoundError);
      const another: Wallet = { ...wallet, id: nextId() };
      await expect(ports.wallets.createGroup(another, { walletId: another.id, userId: 'admin', role: 'ADMIN', joinedAt: at })).rejects.toThrow(WalletChannelNotFoundError);

      expect([await balanceOf(wallet.id), await balanceOf(payer.id)]).toEqual([0, 100]);
      expect(await ports.wallets.pageEntries(wallet.id, undefined, 10)).toEqual([]);
      expect((await ports.wallets.listParticipants(wallet.id)).map((p) => p.userId)).toEqual(['admin']);
      expect(await ports.wallets.listOfChannel(gone)).toEqual([wallet]);
    });

    it('sees the ADMIN a move locks with: the actor role is read under the lock', async () => {
      const wallet = await groupWallet('admin');
      await ports.wallets.handOverAdmin(channelId, 'admin', 'heir', at);
      const roles = await ports.ledger.move([wallet.id], 'heir', (locked) => ({ entries: [], result: locked.get(wallet.id)?.actorRole }));
      expect(roles).toBe('ADMIN');
      expect(await ports.ledger.move([wallet.id], 'admin', (locked) => ({ entries: [], result: locked.get(wallet.id)?.actorRole }))).toBeUndefined();
    });
  });

  describe('idempotency records', () => {
    const scope = { userId: 'user-1', route: 'POST /api/transfers', key: 'key-1' };

    it('claims a new key once; a repeat sees it in progress, another body is told apart', async () => {
      const first = await ports.idempotency.start(scope, 'f1', at);
      expect(first.kind).toBe('CLAIMED');
      expect(await ports.idempotency.start(scope, 'f1', at)).toEqual({ kind: 'IN_PROGRESS' });
      expect(await ports.idempotency.start(scope, 'f2', at)).toEqual({ kind: 'OTHER_REQUEST' });
      expect((await ports.idempotency.start({ ...scope, key: 'KEY-1' }, 'f1', at)).kind).toBe('CLAIMED');
      expect((await ports.idempotency.start({ ...scope, userId: 'user-2' }, 'f1', at)).kind).toBe('CLAIMED');
    });

    it('records the answer in the money move’s transaction, and replays it', async () => {
      const wallet = await opened();
      const start = await ports.idempotency.start(scope, 'f1', at);
      if (start.kind !== 'CLAIMED') throw new Error('not claimed');
      await ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 5), { claim: start.claim, answer: (made) => ({ status: 201, body: { id: made.id } }) });
      const replay = await ports.idempotency.start(scope, 'f1', at);
      expect(replay).toEqual({ kind: 'REPLAY', answer: { status: 201, body: { id: expect.any(String) } } });
    });

    it('rolls a move back when its claim was taken over, so only one attempt takes effect', async () => {
      const wallet = await opened();
      const stale = await ports.idempotency.start(scope, 'f1', at);
      const later = new Date(at.getTime() + 10 * 60_000);
      const takeOver = await ports.idempotency.start(scope, 'f1', later);
      if (stale.kind !== 'CLAIMED' || takeOver.kind !== 'CLAIMED') throw new Error('not claimed');
      const answer = () => ({ status: 201, body: {} });
      await expect(ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 5), { claim: stale.claim, answer })).rejects.toThrow(IdempotencyInProgressError);
      expect(await balanceOf(wallet.id)).toBe(0);
      await ports.ledger.move([wallet.id], 'actor', deposit(wallet.id, 5), { claim: takeOver.claim, answer });
      expect(await balanceOf(wallet.id)).toBe(5);
    });

    it('purges the records claimed before a cutoff, answered or not, and keeps the newer ones', async () => {
      const old = await ports.idempotency.start(scope, 'f1', at);
      await ports.idempotency.start({ ...scope, key: 'abandoned' }, 'f1', at);
      await ports.idempotency.start({ ...scope, key: 'recent' }, 'f1', new Date(at.getTime() + 60_000));
      if (old.kind !== 'CLAIMED') throw new Error('not claimed');
      await ports.idempotency.complete(old.claim, { status: 201, body: {} });
      expect(await ports.idempotency.purgeClaimedBefore(new Date(at.getTime() + 1))).toBe(2);
      expect((await ports.idempotency.start(scope, 'other body', at)).kind).toBe('CLAIMED');
      expect(await ports.idempotency.start({ ...scope, key: 'recent' }, 'f1', at)).toEqual({ kind: 'IN_PROGRESS' });
    });

    it('keeps a 4xx answer, and forgets a released claim', async () => {
      const start = await ports.idempotency.start(scope, 'f1', at);
      if (start.kind !== 'CLAIMED') throw new Error('not claimed');
      await ports.idempotency.release(start.claim);
      const again = await ports.idempotency.start(scope, 'f1', at);
      if (again.kind !== 'CLAIMED') throw new Error('not claimed again');
      expect(await ports.idempotency.complete(again.claim, { status: 409, body: { message: 'Insufficient funds' } })).toBe(true);
      expect(await ports.idempotency.complete(start.claim, { status: 400, body: {} })).toBe(false);
      expect(await ports.idempotency.start(scope, 'f1', at)).toEqual({ kind: 'REPLAY', answer: { status: 409, body: { message: 'Insufficient funds' } } });
    });
  });
}
