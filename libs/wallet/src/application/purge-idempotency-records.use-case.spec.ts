import { Clock, SqlTransactions } from '@webchat/platform';
import { openSqliteDataSource, TestDataSource } from '@webchat/platform/testing';
import { TypeormIdempotencyStore } from '../adapters/out/typeorm/typeorm-idempotency-store.adapter';
import { walletPersistence } from '../adapters/out/typeorm/wallet-persistence';
import { PurgeIdempotencyRecords } from './purge-idempotency-records.use-case';

class SettableClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return this.current;
  }
}

const HOUR_MS = 3_600_000;

describe('PurgeIdempotencyRecords (issue 9: keys kept at least 24 h)', () => {
  let db: TestDataSource;
  let store: TypeormIdempotencyStore;
  const answeredAt = new Date(Date.UTC(2027, 0, 1, 12));
  const clock = new SettableClock(answeredAt);
  const scope = { userId: 'user-1', route: 'POST /api/transfers', key: 'key-1' };
  const answer = { status: 201, body: { id: 'transfer-1' } };

  beforeEach(async () => {
    db = await openSqliteDataSource([walletPersistence]);
    store = new TypeormIdempotencyStore(db.dataSource, new SqlTransactions(db.dataSource));
    const started = await store.start(scope, 'body', answeredAt);
    if (started.kind !== 'CLAIMED') throw new Error('not claimed');
    await store.complete(started.claim, answer);
  });
  afterEach(() => db.close());

  it('keeps an answer through the hourly purges of the next 24 h (and beyond), so a repeat still replays it', async () => {
    const purge = new PurgeIdempotencyRecords(store, clock);
    for (let hours = 1; hours <= 47; hours += 1) {
      clock.current = new Date(answeredAt.getTime() + hours * HOUR_MS);
      expect(await purge.execute()).toBe(0);
    }
    expect(await store.start(scope, 'body', clock.current)).toEqual({ kind: 'REPLAY', answer });
  });

  it('lets it go once it is older than the retention, after which the key is new again', async () => {
    clock.current = new Date(answeredAt.getTime() + 48 * HOUR_MS + 1);
    expect(await new PurgeIdempotencyRecords(store, clock).execute()).toBe(1);
    expect((await store.start(scope, 'body', clock.current)).kind).toBe('CLAIMED');
  });
});
