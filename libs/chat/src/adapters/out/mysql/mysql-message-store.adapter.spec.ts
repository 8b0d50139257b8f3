import { describeOnMysql, openTestDataSource } from '@webchat/platform/testing';
import { SqlTransactions } from '@webchat/platform';
import { DataSource } from 'typeorm';
import { messageStoreContract } from '../../../application/ports/message-store.contract';
import { chatPersistence } from './mysql-message-persistence';
import { MysqlMessageStore } from './mysql-message-store.adapter';

describeOnMysql('MysqlMessageStore', () =>
  messageStoreContract(async () => {
    const db = await openTestDataSource('mysql', [chatPersistence]);
    // The sibling has a pool of its own on the same schema, as a second server node would.
    const second = await new DataSource({ ...db.dataSource.options, migrationsRun: false }).initialize();
    return {
      store: new MysqlMessageStore(db.dataSource, new SqlTransactions(db.dataSource)),
      sibling: new MysqlMessageStore(second, new SqlTransactions(second)),
      close: async () => {
        await second.destroy();
        await db.close();
      },
    };
  }));

describeOnMysql('messages table', () => {
  let db: Awaited<ReturnType<typeof openTestDataSource>>;
  beforeEach(async () => (db = await openTestDataSource('mysql', [chatPersistence])));
  afterEach(() => db.close());
  const insert = (seq: number, type: string, sender: string | null) =>
    db.dataSource.query(
      "INSERT INTO messages (channel_id, seq, id, type, sender_id, text, client_msg_id, created_at) VALUES ('c', ?, ?, ?, ?, 't', ?, NOW(3))",
      [seq, `id-${seq}`, type, sender, sender === null ? null : 'm'],
    );

  it('refuses a row of an unknown type, or a TEXT row without sender and client id', async () => {
    await expect(insert(1, 'OTHER', 's')).rejects.toThrow(/ck_messages_type/);
    await expect(insert(2, 'TEXT', null)).rejects.toThrow(/ck_messages_text_sender/);
    await expect(insert(3, 'SYSTEM', null)).resolves.toBeDefined();
  });
});
