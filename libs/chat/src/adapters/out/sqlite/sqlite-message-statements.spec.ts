import type { Database } from 'better-sqlite3';
import { openMessageDatabase } from './open-message-database';
import { prepareMessageStatements } from './sqlite-message-statements';

/** SQLite's plan for a statement, one line per step. */
function planOf(db: Database, sql: string): string[] {
  const parameters = Array.from({ length: sql.split('?').length - 1 }, () => 1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((step) => step.detail);
}

/** The read statements, by name, with their SQL. */
function reads(db: Database): [string, string][] {
  const { insert: _insert, ...statements } = prepareMessageStatements(db);
  return Object.entries(statements).map(([name, statement]) => [name, statement.source]);
}

describe('SQLite message statements', () => {
  let db: Database;
  beforeEach(() => (db = openMessageDatabase(':memory:')));
  afterEach(() => db.close());

  it('every read seeks one channel through an index, in index order: no table scan, no sort', () => {
    for (const [name, sql] of reads(db)) {
      const plan = planOf(db, sql);
      expect({ name, plan }).toEqual({ name, plan: [expect.stringMatching(/^SEARCH messages USING (COVERING )?INDEX uq_messages_\w+ \(channel_id=\?/)] });
    }
  });

  it('would notice a lost index: without (channel_id, seq) the pages scan the table', () => {
    db.exec('DROP INDEX uq_messages_channel_seq');
    const latest = reads(db).find(([name]) => name === 'latest');
    expect(planOf(db, latest?.[1] ?? '').join(' | ')).toMatch(/SCAN|TEMP B-TREE/);
  });
});
