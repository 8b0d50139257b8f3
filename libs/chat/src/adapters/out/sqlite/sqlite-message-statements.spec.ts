import type { Database } from 'better-sqlite3';
import { openMessageDatabase } from './open-message-database';
import { prepareMessageStatements } from './sqlite-message-statements';

/** SQLite's plan for a statement, one line per step. */
function planOf(db: Database, sql: string): string[] {
  const parameters = Array.from({ length: sql.split('?').length - 1 }, () => 1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((step) => step.detail);
}

/** The read statements of a channel that walk the messages table, by name, with their SQL (not the writes; not byId and byIds, which seek messages by id, nor search, which walks its own index: each checked apart). */
function reads(db: Database): [string, string][] {
  const { insert: _insert, indexForSearch: _indexForSearch, change: _change, byId: _byId, byIds: _byIds, search: _search, ...statements } = prepareMessageStatements(db);
  return Object.entries(statements).map(([name, statement]) => [name, statement.source]);
}

describe('SQLite message schema and statements', () => {
  let db: Database;
  beforeEach(() => (db = openMessageDatabase(':memory:')));
  afterEach(() => db.close());

  it('every read seeks one channel through an index, in index order: no table scan, no sort', () => {
    for (const [name, sql] of reads(db)) {
      const plan = planOf(db, sql);
      expect({ name, plan }).toEqual({ name, plan: [expect.stringMatching(/^SEARCH messages USING (COVERING )?INDEX uq_messages_\w+ \(channel_id=\?/)] });
    }
  });

  it('search walks the search index newest first and reads each candidate by rowid: no scan of messages, no sort', () => {
    const plan = planOf(db, prepareMessageStatements(db).search.source);
    expect(plan).toEqual([expect.stringMatching(/^SCAN message_search VIRTUAL TABLE INDEX/), 'SEARCH messages USING INTEGER PRIMARY KEY (rowid=?)']);
  });

  it('finds the target of an edit or delete by its id through the id index, and writes it back by the same index', () => {
    const { byId, change } = prepareMessageStatements(db);
    expect(planOf(db, byId.source)).toEqual(['SEARCH messages USING INDEX uq_messages_id (id=?)']);
    expect(planOf(db, change.source.replace(/@\w+/g, '?'))).toEqual(['SEARCH messages USING INDEX uq_messages_id (id=?)']);
  });

  it('finds messages by id through the unique index on id, one seek per id of the list', () => {
    const plan = planOf(db, prepareMessageStatements(db).byIds.source.replace('?', "'[]'"));
    expect(plan).toEqual([expect.stringMatching(/^SEARCH messages USING INDEX uq_messages_id \(id=\?\)$/), 'LIST SUBQUERY 1', expect.stringMatching(/^SCAN json_each VIRTUAL TABLE/)]);
  });

  it('would notice a lost index: without (channel_id, seq) the pages scan the table', () => {
    db.exec('DROP INDEX uq_messages_channel_seq');
    const latest = reads(db).find(([name]) => name === 'latest');
    expect(planOf(db, latest?.[1] ?? '').join(' | ')).toMatch(/SCAN|TEMP B-TREE/);
  });

  it('the table refuses a row of an unknown type, or a TEXT row without sender and client id', () => {
    const insert = db.prepare("INSERT INTO messages (channel_id, seq, id, type, sender_id, text, client_msg_id, created_at) VALUES ('c', ?, ?, ?, ?, 't', ?, 0)");
    const row = (seq: number, type: string, sender: string | null) => () => insert.run(seq, `id-${seq}`, type, sender, sender === null ? null : 'm');
    // toHaveProperty, not toThrow: better-sqlite3 builds its errors from the first jest realm that loaded it.
    expect(catching(row(1, 'OTHER', 's'))).toHaveProperty('code', 'SQLITE_CONSTRAINT_CHECK');
    expect(catching(row(2, 'TEXT', null))).toHaveProperty('code', 'SQLITE_CONSTRAINT_CHECK');
    expect(catching(row(3, 'SYSTEM', null))).toBeUndefined();
  });
});

function catching(work: () => unknown): unknown {
  try {
    work();
    return undefined;
  } catch (error) {
    return error;
  }
}
