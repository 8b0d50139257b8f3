import { Test } from '@nestjs/testing';
import { SqlTransactions } from '@webchat/platform';
import { describeOnMysql, openTestDataSource, TestDataSource } from '@webchat/platform/testing';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MessageStore } from '../../application/ports/message-store.port';
import { textMessageDraft } from '../../domain/message-draft';
import { MessageStoreModule } from './message-store.module';
import { chatPersistence } from './mysql/mysql-message-persistence';
import { MysqlMessageStore } from './mysql/mysql-message-store.adapter';
import { MESSAGES_SQLITE_FILE } from './sqlite/open-message-database';
import { SqliteMessageStore } from './sqlite/sqlite-message-store.adapter';

// Records every load of the MongoDB packages: the embedded and MySQL modes must load neither.
const mockLoaded: string[] = [];
jest.mock('mongoose', () => {
  mockLoaded.push('mongoose');
  return {};
});
jest.mock('@nestjs/mongoose', () => {
  mockLoaded.push('@nestjs/mongoose');
  return {};
});

const draft = textMessageDraft({
  id: '00000000-0000-4000-8000-000000000001',
  channelId: '00000000-0000-4000-c000-000000000001',
  senderId: '00000000-0000-4000-a000-000000000001',
  senderName: 'Mina',
  text: '안녕',
  clientMsgId: 'm1',
  createdAt: new Date(0),
});

describe('MessageStoreModule with MESSAGE_STORE=sqlite', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = join(mkdtempSync(join(tmpdir(), 'webchat-chat-')), 'data')));
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('opens DATA_DIR/messages.sqlite on its own connection and closes it with the application', async () => {
    const app = await Test.createTestingModule({ imports: [MessageStoreModule.forRoot({ messageStore: 'sqlite', dataDir })] }).compile();
    const store = app.get(MessageStore);
    expect(store).toBeInstanceOf(SqliteMessageStore);
    expect(existsSync(join(dataDir, MESSAGES_SQLITE_FILE))).toBe(true);
    expect((await store.appendBatch([draft]))[0].message.seq).toBe(1);
    expect(mockLoaded).toEqual([]);
    await app.close();
    await expect(store.lastSeq([draft.channelId])).rejects.toHaveProperty('message', expect.stringMatching(/not open/));
  });

  it('leaves the shared SQLite database alone: chatPersistence creates no table there', async () => {
    const db = await openTestDataSource('sqlite', [chatPersistence]);
    try {
      expect(await db.dataSource.query("SELECT name FROM sqlite_master WHERE name LIKE 'message%'")).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describeOnMysql('MessageStoreModule with MESSAGE_STORE=mysql', () => {
  let db: TestDataSource;
  beforeEach(async () => (db = await openTestDataSource('mysql', [chatPersistence])));
  afterEach(() => db.close());

  it('uses the shared data source, whose migrations (chatPersistence) made the tables', async () => {
    const shared = {
      module: class SharedPersistence {},
      global: true,
      providers: [
        { provide: DataSource, useValue: db.dataSource },
        { provide: SqlTransactions, useValue: new SqlTransactions(db.dataSource) },
      ],
      exports: [DataSource, SqlTransactions],
    };
    const app = await Test.createTestingModule({ imports: [shared, MessageStoreModule.forRoot({ messageStore: 'mysql', dataDir: '/nonexistent' })] }).compile();
    const store = app.get(MessageStore);
    expect(store).toBeInstanceOf(MysqlMessageStore);
    expect((await store.appendBatch([draft]))[0].message.seq).toBe(1);
    expect(mockLoaded).toEqual([]);
    await app.close();
  });
});

describe('MessageStoreModule with MESSAGE_STORE=mongo', () => {
  it('loads the MongoDB packages only when chosen (which shows the probe above can see a load)', async () => {
    const chosen = MessageStoreModule.forRoot({ messageStore: 'mongo', mongoUrl: 'mongodb://127.0.0.1:1/none', dataDir: '/nonexistent' });
    expect(mockLoaded).toEqual([]);
    // The stand-ins above are empty, so building the real module fails, after the load.
    await expect(chosen).rejects.toBeInstanceOf(Error);
    expect(mockLoaded).toContain('@nestjs/mongoose');
  });

  it('refuses a configuration without MONGO_URL', async () => {
    await expect(MessageStoreModule.forRoot({ messageStore: 'mongo', dataDir: '/nonexistent' })).rejects.toThrow(/MONGO_URL/);
  });
});
