import { Injectable } from '@nestjs/common';
import { SqlTransactions } from '@webchat/platform';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { CancelOutcome, DueRun, ReservedTransferStore } from '../../../application/ports/reserved-transfer-store.port';
import { ReservedTransfer } from '../../../domain/reserved-transfer';
import { ReservedTransferRecord } from './reserved-transfer.record';
import { retryingLockConflicts } from './lock-conflicts';
import { TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';

/**
 * ReservedTransferStore on TypeORM. A due row is claimed with SELECT … FOR UPDATE SKIP LOCKED on
 * MySQL/MariaDB (a row another node holds is passed over, not waited for), and its transfer runs
 * in the same transaction through the ledger's row locks. SQLite runs transactions one at a time.
 */
@Injectable()
export class TypeormReservedTransferStore extends ReservedTransferStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: SqlTransactions,
    private readonly ledger: TypeormWalletLedger,
  ) {
    super();
  }

  async book(reserved: ReservedTransfer): Promise<void> {
    await this.transactions.run((manager) => manager.insert(ReservedTransferRecord, reserved));
  }

  async listBookedBy(userId: string): Promise<ReservedTransfer[]> {
    return this.dataSource.manager.find(ReservedTransferRecord, { where: { bookedById: userId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async deleteBookedBy(userId: string): Promise<void> {
    // By the booker index: only this user's rows are locked; a run holding one of them goes first.
    await this.transactions.run((manager) => manager.delete(ReservedTransferRecord, { bookedById: userId }));
  }

  async cancel(reservedId: string, userId: string): Promise<CancelOutcome> {
    return this.transactions.run(async (manager) => {
      const result = await manager.update(ReservedTransferRecord, { id: reservedId, bookedById: userId, status: 'SCHEDULED' }, { status: 'CANCELLED' });
      if ((result.affected ?? 0) === 1) return 'CANCELLED';
      return (await manager.existsBy(ReservedTransferRecord, { id: reservedId, bookedById: userId })) ? 'NOT_SCHEDULED' : 'NOT_FOUND';
    });
  }

  countDue(now: Date): Promise<number> {
    return this.dataSource.manager.countBy(ReservedTransferRecord, { status: 'SCHEDULED', executeAt: LessThanOrEqual(now) });
  }

  async runNextDue(
    now: Date,
    skip: readonly string[],
    run: (claimed: ReservedTransfer) => DueRun,
  ): Promise<{ before: ReservedTransfer; after: ReservedTransfer } | undefined> {
    // READ COMMITTED: the claim locks the rows it returns and no gaps, so one node's claim never
    // blocks another's write of its own row (REPEATABLE READ's next-key locks deadlocked them).
    return retryingLockConflicts(() => this.transactions.run((manager) => this.runClaimed(manager, now, skip, run), 'READ COMMITTED'));
  }

  private async runClaimed(
    manager: EntityManager,
    now: Date,
    skip: readonly string[],
    run: (claimed: ReservedTransfer) => DueRun,
  ): Promise<{ before: ReservedTransfer; after: ReservedTransfer } | undefined> {
    const before = await this.claim(manager, now, skip);
    if (!before) return undefined;
    const due = run(before);
    let failure: ReservedTransfer['failureReason'] | undefined;
    try {
      await this.ledger.moveLocked(manager, [before.fromWalletId, before.toWalletId], before.bookedById, due.plan, undefined, {
        reservedTransferId: before.id,
        dueAt: before.executeAt,
      });
    } catch (error) {
      // A refused move wrote nothing (the ledger checks before it writes); anything else rolls the claim back too.
      failure = due.failureOf(error);
      if (!failure) throw error;
    }
    const after = due.next(failure);
    await manager.update(ReservedTransferRecord, { id: before.id }, {
      status: after.status,
      executeAt: after.executeAt,
      failureReason: after.failureReason,
      lastRunAt: after.lastRunAt,
      lastResult: after.lastResult,
    });
    return { before, after };
  }

  private async claim(manager: EntityManager, now: Date, skip: readonly string[]): Promise<ReservedTransferRecord | null> {
    const query = manager
      .createQueryBuilder(ReservedTransferRecord, 'r')
      .where('r.status = :status', { status: 'SCHEDULED' })
      .andWhere('r.execute_at <= :now', { now })
      .orderBy('r.execute_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(1);
    if (skip.length > 0) query.andWhere('r.id NOT IN (:...skip)', { skip });
    if (manager.connection.options.type === 'better-sqlite3') return query.getOne();
    const [sql, parameters] = query.select('r.id', 'id').getQueryAndParameters();
    const rows: { id: string }[] = await manager.query(`${sql} FOR UPDATE SKIP LOCKED`, parameters);
    return rows.length === 0 ? null : manager.findOneBy(ReservedTransferRecord, { id: rows[0].id });
  }
}
