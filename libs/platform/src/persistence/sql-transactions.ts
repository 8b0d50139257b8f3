import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** The transaction `run` is executing, seen by whatever it calls, even code of another library. */
interface Ambient {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  /** False once it ended: a callback it left behind (a timer, an unawaited promise) must not join a finished transaction. */
  open: boolean;
}

const ambient = new AsyncLocalStorage<Ambient>();

/**
 * Runs a unit of work in one database transaction. On SQLite, TypeORM shares a
 * single connection between all callers, so two transactions (or a write
 * between a BEGIN and its COMMIT) would mix; they are queued one after another
 * here. MySQL gives each transaction its own pooled connection.
 * Every write of a TypeORM store goes through `run`.
 *
 * The transaction is ambient: code that `work` calls (a port another library answers) finds it
 * with `current()`, so one library's store can ask another's a question inside its own
 * transaction, under its own locks, without either knowing the other's tables.
 */
@Injectable()
export class SqlTransactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * `isolation` sets the level of this transaction on MySQL (the default is REPEATABLE READ);
   * SQLite's transactions are serializable anyway. Called inside another `run` on the same
   * database, `work` joins that transaction (on SQLite a second one would wait for the first forever).
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const outer = this.joinable();
    if (outer) return work(outer);
    const inAmbient = async (manager: EntityManager) => {
      const running: Ambient = { dataSource: this.dataSource, manager, open: true };
      try {
        return await ambient.run(running, () => work(manager));
      } finally {
        running.open = false;
      }
    };
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return isolation ? this.dataSource.transaction(isolation, inAmbient) : this.dataSource.transaction(inAmbient);
    }
    const result = this.queue.then(() => this.dataSource.transaction(inAmbient));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * The manager of the transaction the caller runs inside (a `run` further up the same call).
   * Throws outside one: a lock taken there would be released at once and guard nothing.
   */
  current(): EntityManager {
    const manager = this.joinable();
    if (!manager) throw new Error('SqlTransactions.current() called outside a transaction');
    return manager;
  }

  private joinable(): EntityManager | undefined {
    const running = ambient.getStore();
    return running?.open && running.dataSource === this.dataSource ? running.manager : undefined;
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

/**
 * Appended to a SELECT that must keep its rows from changing until commit while letting other
 * readers share them. Written out because TypeORM's `pessimistic_read` says FOR SHARE to any
 * server it takes for MySQL 8 or newer, MariaDB 10.11 included, which knows only this form.
 */
export function inShareMode(manager: EntityManager): string {
  return manager.connection.options.type === 'better-sqlite3' ? '' : ' LOCK IN SHARE MODE';
}
