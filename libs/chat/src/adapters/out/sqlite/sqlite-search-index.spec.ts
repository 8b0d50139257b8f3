import Database from 'better-sqlite3';
import { systemMessageDraft, textMessageDraft } from '../../../domain/message-draft';
import { openMessageDatabase } from './open-message-database';
import { searchMatchExpression } from './search-document';
import { sqliteAppender } from './sqlite-append';

/** The rowids the search index gives for a query in a channel, before any instr() check. */
function candidates(db: Database.Database, channelId: string, query: string): number[] {
  return db.prepare('SELECT rowid FROM message_search WHERE message_search MATCH ? ORDER BY rowid').pluck().all(searchMatchExpression(channelId, query)) as number[];
}

/** Appends one message to channel "c" the way the store does, and answers its rowid. */
function insert(db: Database.Database, seq: number, type: 'TEXT' | 'SYSTEM', text: string): number {
  const fields = { id: `id-${seq}`, channelId: 'c', text, createdAt: new Date(0) };
  const draft = type === 'TEXT' ? textMessageDraft({ ...fields, senderId: 's', senderName: 'S', clientMsgId: `m${seq}` }) : systemMessageDraft(fields);
  sqliteAppender(db)([draft]);
  return db.prepare('SELECT rowid FROM messages WHERE id = ?').pluck().get(draft.id) as number;
}

describe('the SQLite search index', () => {
  let db: Database.Database;
  beforeEach(() => (db = openMessageDatabase(':memory:')));
  afterEach(() => db.close());

  it('indexes TEXT messages as they are appended, never SYSTEM ones', () => {
    const text = insert(db, 1, 'TEXT', '안녕하세요');
    insert(db, 2, 'SYSTEM', '안녕하세요');
    expect(candidates(db, 'c', '녕하')).toEqual([text]);
    expect(candidates(db, 'other', '녕하')).toEqual([]);
  });

  it('forgets a message\'s old text when the text is rewritten (an edit, or a delete that blanks it)', () => {
    const rowid = insert(db, 1, 'TEXT', 'secret plan');
    db.prepare("UPDATE messages SET text = 'new words' WHERE rowid = ?").run(rowid);
    expect(candidates(db, 'c', 'secret')).toEqual([]);
    expect(candidates(db, 'c', 'words')).toEqual([rowid]);
    db.prepare("UPDATE messages SET text = '' WHERE rowid = ?").run(rowid);
    expect(candidates(db, 'c', 'words')).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM message_search').pluck().get()).toBe(0);
  });

  it('forgets a deleted row', () => {
    const rowid = insert(db, 1, 'TEXT', 'gone soon');
    db.prepare('DELETE FROM messages WHERE rowid = ?').run(rowid);
    expect(candidates(db, 'c', 'gone')).toEqual([]);
  });
});
