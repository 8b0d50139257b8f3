import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageStoreContract } from '../../../application/ports/message-store.contract';
import { messageDeletion, messageEdit } from '../../../domain/message-change';
import { textMessageDraft } from '../../../domain/message-draft';
import { MESSAGES_SQLITE_FILE, openMessageDatabase } from './open-message-database';
import { MESSAGE_SCHEMA_STEPS, MESSAGE_SCHEMA_VERSION } from './sqlite-message-schema';
import { SqliteMessageStore } from './sqlite-message-store.adapter';

/** A message file in a fresh folder, deleted with it. */
function tempFile(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'webchat-messages-'));
  return { file: join(dir, MESSAGES_SQLITE_FILE), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('SqliteMessageStore [sqlite]', () =>
  messageStoreContract(async () => {
    // A real file, so the sibling is a second connection and WAL with synchronous=FULL is what runs.
    const { file, remove } = tempFile();
    const store = SqliteMessageStore.open(file);
    const sibling = SqliteMessageStore.open(file);
    return {
      store,
      sibling,
      close: async () => {
        store.close();
        sibling.close();
        remove();
      },
    };
  }));

describe('SqliteMessageStore file', () => {
  let temp: ReturnType<typeof tempFile>;
  beforeEach(() => (temp = tempFile()));
  afterEach(() => temp.remove());

  it('runs in WAL mode with synchronous=FULL, so a committed batch survives a machine crash', () => {
    const db = openMessageDatabase(temp.file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });

  it('keeps its messages and schema when opened again, and goes on numbering', async () => {
    const draft = (clientMsgId: string) =>
      textMessageDraft({
        id: `00000000-0000-4000-8000-00000000000${clientMsgId}`,
        channelId: '00000000-0000-4000-c000-000000000001',
        senderId: '00000000-0000-4000-a000-000000000001',
        senderName: 'Mina',
        text: `hello ${clientMsgId}`,
        clientMsgId,
        createdAt: new Date(0),
      });
    const first = SqliteMessageStore.open(temp.file);
    await first.appendBatch([draft('1'), draft('2')]);
    first.close();
    const again = SqliteMessageStore.open(temp.file);
    try {
      expect(await again.appendBatch([draft('2'), draft('3')])).toMatchObject([
        { message: { seq: 2, text: 'hello 2' }, isNew: false },
        { message: { seq: 3, text: 'hello 3' }, isNew: true },
      ]);
    } finally {
      again.close();
    }
    const raw = new Database(temp.file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MESSAGE_SCHEMA_VERSION);
    raw.close();
  });

  const channelId = '00000000-0000-4000-c000-000000000002';
  const senderId = '00000000-0000-4000-a000-000000000002';

  it('upgrades a file of the first schema (no search index, no edited_at, deleted_at): its messages are indexed, read as never edited nor deleted, and take edits', async () => {
    writeFirstSchemaFile(temp.file, { id: '00000000-0000-4000-8000-0000000000a1', channelId, senderId, text: 'from before', clientMsgId: 'old' });

    const store = SqliteMessageStore.open(temp.file);
    try {
      const [before] = await store.pageLatest(channelId, 10);
      expect(before).toMatchObject({ seq: 1, text: 'from before', editedAt: null, deletedAt: null });
      // The search index is built on open from the rows written before it existed.
      expect(await store.search(channelId, 'before', 10)).toEqual([before]);
      const at = new Date(Date.UTC(2026, 10, 23, 10));
      await store.applyChanges([messageEdit({ id: 'edit-1', channelId, messageId: before.id, requesterId: senderId, text: 'from now', at })]);
      expect(await store.pageLatest(channelId, 10)).toEqual([{ ...before, text: 'from now', editedAt: at }]);
      // ... and follows the edit.
      expect(await store.search(channelId, 'now', 10)).toHaveLength(1);
      expect(await store.search(channelId, 'before', 10)).toEqual([]);
    } finally {
      store.close();
    }
    const raw = new Database(temp.file, { readonly: true });
    expect((raw.pragma('table_info(messages)') as { name: string }[]).map((column) => column.name)).toEqual(expect.arrayContaining(['edited_at', 'deleted_at']));
    expect(raw.pragma('user_version', { simple: true })).toBe(MESSAGE_SCHEMA_STEPS.length);
    raw.close();
  });

  it('keeps no copy of a deleted text anywhere in the file once the store closes, a long one (on overflow pages) included', async () => {
    // 4,000 code points of 3 bytes each: more than a page, so the old text also sits on overflow pages the update frees.
    const secret = `the launch code is 0000-TANGERINE ${'비밀'.repeat(1983)}`;
    const store = SqliteMessageStore.open(temp.file);
    const [{ message }] = await store.appendBatch([
      textMessageDraft({ id: '00000000-0000-4000-8000-0000000000b1', channelId, senderId, senderName: 'Mina', text: secret, clientMsgId: 's', createdAt: new Date(0) }),
    ]);
    await store.applyChanges([messageDeletion({ id: 'delete-1', channelId, messageId: message.id, requesterId: senderId, requesterOwnsChannel: false, at: new Date(1) })]);
    expect(await store.pageLatest(channelId, 10)).toEqual([{ ...message, text: '', deletedAt: new Date(1) }]);
    store.close();
    // The last connection's close checkpoints the WAL into the file and removes it.
    await waitFor(() => !existsSync(`${temp.file}-wal`));
    const file = readFileSync(temp.file);
    expect(file.includes(Buffer.from('0000-TANGERINE'))).toBe(false);
    expect(file.includes(Buffer.from('비밀'.repeat(100)))).toBe(false);
  });

  it('upgrades a file written before replies: old rows read without one, new replies are stored', async () => {
    writeFirstSchemaFile(temp.file, {
      id: '00000000-0000-4000-8000-000000000001',
      channelId: '00000000-0000-4000-c000-000000000001',
      senderId: '00000000-0000-4000-a000-000000000001',
      text: 'before replies',
      clientMsgId: 'c1',
    });
    const store = SqliteMessageStore.open(temp.file);
    try {
      const [reply] = await store.appendBatch([
        textMessageDraft({
          id: '00000000-0000-4000-8000-000000000002',
          channelId: '00000000-0000-4000-c000-000000000001',
          senderId: '00000000-0000-4000-a000-000000000001',
          senderName: 'Mina',
          text: 'after',
          clientMsgId: 'c2',
          createdAt: new Date(0),
          replyToId: '00000000-0000-4000-8000-000000000001',
        }),
      ]);
      expect(reply.message).toMatchObject({ seq: 2, replyToId: '00000000-0000-4000-8000-000000000001' });
      expect(await store.pageLatest('00000000-0000-4000-c000-000000000001', 10)).toMatchObject([
        { seq: 1, text: 'before replies', replyToId: null },
        { seq: 2, text: 'after', replyToId: '00000000-0000-4000-8000-000000000001' },
      ]);
    } finally {
      store.close();
    }
  });

  it('stays closed after close, so the module can close it on shutdown twice without harm', async () => {
    const store = SqliteMessageStore.open(temp.file);
    store.onApplicationShutdown();
    store.close();
    await expect(store.lastSeq(['x'])).rejects.toHaveProperty('message', expect.stringMatching(/not open/));
  });
});

/** A message file as the first schema wrote it (no later step run), holding one TEXT message of Mina's at seq 1. */
function writeFirstSchemaFile(file: string, row: { id: string; channelId: string; senderId: string; text: string; clientMsgId: string }): void {
  const old = new Database(file);
  old.exec(MESSAGE_SCHEMA_STEPS[0]);
  old.pragma('user_version = 1');
  old
    .prepare("INSERT INTO messages (id, channel_id, seq, type, sender_id, sender_name, text, client_msg_id, created_at) VALUES (?, ?, 1, 'TEXT', ?, 'Mina', ?, ?, 0)")
    .run(row.id, row.channelId, row.senderId, row.text, row.clientMsgId);
  old.close();
}

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
