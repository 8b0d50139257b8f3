import { randomUUID } from 'node:crypto';
import { channelPersistence } from '@webchat/channel';
import { contactPersistence } from '@webchat/contact';
import { mysqlOptions, PersistenceFeature } from '@webchat/platform';
import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { userPersistence } from '@webchat/user';
import { DataSource } from 'typeorm';
import { PERSISTENCE_FEATURES } from '../apps/server/src/app.module';

/** The schema as it was before ids compared bytes: only each library's first migration. */
const FIRST_MIGRATIONS: PersistenceFeature[] = [userPersistence, channelPersistence, contactPersistence].map((feature) => ({
  entities: feature.entities,
  migrations: feature.migrations.slice(0, 1),
}));

function dataSource(url: string, features: readonly PersistenceFeature[]): DataSource {
  return new DataSource({
    ...mysqlOptions(url),
    entities: features.flatMap((feature) => feature.entities),
    migrations: features.flatMap((feature) => feature.migrations),
  });
}

describeOnMysql('id columns on MySQL', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  beforeEach(async () => {
    schema = await createMysqlSchema();
  });
  afterEach(() => schema.drop());

  it('every id column of a migrated schema compares bytes (ascii_bin, or a binary type)', async () => {
    const db = dataSource(schema.url, PERSISTENCE_FEATURES);
    await db.initialize();
    try {
      await db.runMigrations();
      const columns: { name: string; collation: string | null; type: string }[] = await db.query(
        `SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name, COLLATION_NAME AS collation, DATA_TYPE AS type FROM information_schema.COLUMNS
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' AND (COLUMN_NAME = 'id' OR COLUMN_NAME LIKE '%\\_id' OR COLUMN_NAME LIKE '%\\_key')`,
      );
      expect(columns.length).toBeGreaterThanOrEqual(8);
      // A binary string type (messages.client_msg_id is VARBINARY) has no collation and compares bytes too.
      const comparesBytes = (column: { collation: string | null; type: string }) =>
        column.collation === 'ascii_bin' || (column.collation === null && /^(var)?binary$/i.test(column.type));
      expect(columns.filter((column) => !comparesBytes(column))).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('migrates rows written under the case-blind collation: a membership under an upper-case channel id finds its channel', async () => {
    const [userId, channelId, friendId] = [randomUUID(), randomUUID(), randomUUID()];
    const old = dataSource(schema.url, FIRST_MIGRATIONS);
    await old.initialize();
    await old.runMigrations();
    const now = new Date();
    await old.query('INSERT INTO users (id, email, username, password_hash, created_at) VALUES (?, ?, ?, ?, ?)', [userId, 'a@example.com', 'A', 'h', now]);
    await old.query(
      'INSERT INTO channels (id, kind, name, name_folded, description, is_private, password_hash, owner_id, direct_key, created_at) VALUES (?, ?, ?, ?, NULL, 0, NULL, ?, NULL, ?)',
      [channelId, 'GROUP', 'Club', 'club', userId, now],
    );
    // What `POST /api/channels/<ID UPPER CASE>/join` used to store.
    await old.query('INSERT INTO channel_members (channel_id, user_id, role, joined_at, last_read_seq) VALUES (?, ?, ?, ?, 0)', [
      channelId.toUpperCase(),
      userId,
      'MEMBER',
      now,
    ]);
    await old.query('INSERT INTO contacts (owner_id, contact_id, created_at) VALUES (?, ?, ?)', [userId, friendId.toUpperCase(), now]);
    await old.destroy();

    const migrated = dataSource(schema.url, PERSISTENCE_FEATURES);
    await migrated.initialize();
    try {
      expect((await migrated.runMigrations()).map((migration) => migration.name)).toEqual(
        expect.arrayContaining(['BinaryUserIds1795437800000', 'BinaryChannelIds1795437800100', 'BinaryContactIds1795437800200']),
      );
      const joined = await migrated.query(
        'SELECT c.id FROM channel_members m JOIN channels c ON c.id = m.channel_id WHERE m.user_id = ?',
        [userId],
      );
      expect(joined).toEqual([{ id: channelId }]);
      expect(await migrated.query('SELECT contact_id FROM contacts WHERE owner_id = ?', [userId])).toEqual([{ contact_id: friendId }]);
      // The foreign key is back: a membership of a channel that does not exist is refused.
      await expect(
        migrated.query('INSERT INTO channel_members (channel_id, user_id, role, joined_at, last_read_seq) VALUES (?, ?, ?, ?, 0)', [
          channelId.toUpperCase(),
          userId,
          'MEMBER',
          now,
        ]),
      ).rejects.toThrow(/foreign key constraint fails/);
      // Every migration can be undone down to the first ones, and applied again.
      while ((await migrated.query('SELECT COUNT(*) AS n FROM migrations'))[0].n > FIRST_MIGRATIONS.length) await migrated.undoLastMigration();
      await migrated.runMigrations();
    } finally {
      await migrated.destroy();
    }
  });
});
