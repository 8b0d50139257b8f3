import { Injectable } from '@nestjs/common';
import { DomainError } from '@webchat/platform/kernel';
import { forUpdate, SqlTransactions } from '@webchat/platform';
import { EntityManager, In, IsNull } from 'typeorm';
import { MoveReceipt } from '../../../application/ports/idempotency-store.port';
import { WalletChannels } from '../../../application/ports/wallet-channels.port';
import { LockedWallet, MoneyMovePlan, PlanMove, WalletLedger } from '../../../application/ports/wallet-ledger.port';
import { IdempotencyInProgressError } from '../../../domain/idempotency.errors';
import { WalletBusyError, WalletNotFoundError } from '../../../domain/wallet.errors';
import { completeClaim } from './idempotency-claims';
import { LedgerEntryRecord } from './ledger-entry.record';
import { LedgerObserver, MoveOutcome, SILENT_LEDGER_OBSERVER } from './ledger-observer';
import { LOCK_ATTEMPTS, retryingLockConflicts } from './lock-conflicts';
import { TransferRecord } from './transfer.record';
import { WalletParticipantRecord } from './wallet-participant.record';
import { toEntryRecord, toWallet } from './wallet-record.mapper';
import { WalletRecord } from './wallet.record';

/** Attempts of one move before it answers WalletBusyError (503). */
export const MOVE_ATTEMPTS = LOCK_ATTEMPTS;

/** Extra columns a transfer row may carry (a reserved transfer's run). */
export type TransferExtras = Partial<Pick<TransferRecord, 'reservedTransferId' | 'dueAt'>>;

/**
 * WalletLedger on TypeORM. MySQL: SELECT … FOR UPDATE on each wallet row in ascending id order
 * (so two moves over the same wallets queue instead of deadlocking), then the plan, then the
 * writes, in one transaction. SQLite: SqlTransactions runs transactions one at a time, which is
 * the same isolation without row locks.
 *
 * Before the wallet rows, the channel of each group wallet is held open (a shared lock, through
 * the channel library, in ascending channel id order): the channel's last leave, which locks the
 * channel and then reads the wallets, waits for the move, and a move after it finds the channel
 * gone (WalletNotFoundError). One order everywhere, channel before wallets, so neither deadlocks.
 */
@Injectable()
export class TypeormWalletLedger extends WalletLedger {
  constructor(
    private readonly transactions: SqlTransactions,
    private readonly channels: WalletChannels,
    private readonly observer: LedgerObserver = SILENT_LEDGER_OBSERVER,
  ) {
    super();
  }

  async move<T>(walletIds: readonly string[], actorId: string, plan: PlanMove<T>, receipt?: MoveReceipt<T>): Promise<T> {
    const started = performance.now();
    const took = (outcome: MoveOutcome) => this.observer.transactionTook((performance.now() - started) / 1000, outcome);
    try {
      const result = await retryingLockConflicts(
        () => this.transactions.run((manager) => this.moveLocked(manager, walletIds, actorId, plan, receipt)),
        () => this.observer.retried(),
      );
      took('committed');
      return result;
    } catch (error) {
      took(error instanceof WalletBusyError ? 'busy' : error instanceof DomainError ? 'rejected' : 'error');
      throw error;
    }
  }

  /** Runs a move inside a transaction the caller holds (a reserved transfer claims its row in the same one). */
  async moveLocked<T>(
    manager: EntityManager,
    walletIds: readonly string[],
    actorId: string,
    plan: PlanMove<T>,
    receipt?: MoveReceipt<T>,
    extras: TransferExtras = {},
  ): Promise<T> {
    const records = await this.lock(manager, walletIds);
    const planned = plan(await this.withRoles(manager, records, actorId));
    await this.write(manager, records, planned, extras);
    if (receipt && !(await completeClaim(manager, receipt.claim, receipt.answer(planned.result)))) {
      throw new IdempotencyInProgressError();
    }
    return planned.result;
  }

  /** The group wallets' channels held open, then each wallet row FOR UPDATE in ascending id order; WalletNotFoundError if one is gone or closed. */
  private async lock(manager: EntityManager, walletIds: readonly string[]): Promise<WalletRecord[]> {
    const started = performance.now();
    const ids = [...new Set(walletIds)].sort();
    await this.holdChannelsOpen(manager, ids);
    const records: WalletRecord[] = [];
    for (const id of ids) {
      const record = await manager.findOne(WalletRecord, { where: { id, closedAt: IsNull() }, lock: forUpdate(manager) });
      if (!record) throw new WalletNotFoundError();
      records.push(record);
    }
    this.observer.lockWaited((performance.now() - started) / 1000);
    return records;
  }

  /** A wallet's channel never changes, so it is read before any lock; a deleted channel's wallet takes no money. */
  private async holdChannelsOpen(manager: EntityManager, walletIds: readonly string[]): Promise<void> {
    const groups = await manager.find(WalletRecord, { select: { id: true, channelId: true }, where: { id: In(walletIds), kind: 'GROUP' } });
    const channelIds = [...new Set(groups.flatMap((wallet) => (wallet.channelId ? [wallet.channelId] : [])))].sort();
    for (const channelId of channelIds) {
      if (!(await this.channels.holdOpen(channelId))) throw new WalletNotFoundError();
    }
  }

  /** The actor's roles, read after the locks, so a hand-over of ADMIN (which locks the rows too) is seen whole. */
  private async withRoles(manager: EntityManager, records: readonly WalletRecord[], actorId: string): Promise<Map<string, LockedWallet>> {
    const roles = await manager.findBy(WalletParticipantRecord, { walletId: In(records.map((record) => record.id)), userId: actorId });
    const roleOf = new Map(roles.map((participant) => [participant.walletId, participant.role]));
    return new Map(records.map((record) => [record.id, { wallet: toWallet(record), actorRole: roleOf.get(record.id) }]));
  }

  private async write<T>(manager: EntityManager, records: readonly WalletRecord[], planned: MoneyMovePlan<T>, extras: TransferExtras): Promise<void> {
    if (planned.transfer) await manager.insert(TransferRecord, { ...planned.transfer, reservedTransferId: null, dueAt: null, ...extras });
    const next = new Map(records.map((record) => [record.id, { seq: record.lastEntrySeq, balance: record.balance }]));
    const rows = planned.entries.map((entry) => {
      const wallet = next.get(entry.walletId);
      if (!wallet) throw new Error(`Entry for wallet ${entry.walletId}, which is not locked`);
      wallet.seq += 1;
      wallet.balance = entry.balanceAfter;
      return toEntryRecord(entry, wallet.seq);
    });
    if (rows.length > 0) await manager.insert(LedgerEntryRecord, rows);
    for (const record of records) {
      const wallet = next.get(record.id);
      if (wallet && wallet.seq !== record.lastEntrySeq) {
        await manager.update(WalletRecord, { id: record.id }, { balance: wallet.balance, lastEntrySeq: wallet.seq });
      }
    }
  }
}
