import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/**
 * Runs a unit of work in one database transaction. On SQLite, TypeORM shares a
 * single connection between all callers, so two transactions (or a write
 * between a BEGIN and its COMMIT) would mix; they are queued one after another
 * here. MySQL gives each transaction its own pooled connection.
 * Every write of a TypeORM store goes through `run`.
 */
@Injectable()
export class SqlTransactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * `isolation` sets the level of this transaction on MySQL (the default is REPEATABLE READ);
   * SQLite's transactions are serializable anyway.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return isolation ? this.dataSource.transaction(isolation, work) : this.dataSource.transaction(work);
    }
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/**
 * `lock` option for a row read that must block other writers until commit
 * (SELECT … FOR UPDATE on MySQL). SQLite has no row locks and needs none:
 * its transactions already run one at a time (see SqlTransactions).
 */
export function forUpdate(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return manager.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
}
