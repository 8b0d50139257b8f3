import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message tables on MySQL/MariaDB. On SQLite the message store keeps its own
 * file (SqliteMessageStore), so this migration leaves the shared SQLite file alone.
 *
 * `messages` is clustered on (channel_id, seq): every read walks one channel by seq
 * (pages, last message, unread counts, the search scan), and each channel's new rows
 * land at the end of its range instead of at random places of a UUID-ordered tree.
 * Ids are ASCII, compared byte for byte; the client id is VARBINARY so that retries
 * match exactly (no case folding, no trailing-space padding); text is utf8mb4 with a
 * binary collation, which search lower-cases itself (a _ci collation of utf8mb4 would
 * make every emoji equal to every other).
 */
export class CreateMessages1763900000000 implements MigrationInterface {
  name = 'CreateMessages1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(`
      CREATE TABLE messages (
        channel_id    CHAR(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        seq           BIGINT         NOT NULL,
        id            CHAR(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        type          VARCHAR(10)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'TEXT',
        sender_id     CHAR(36)       CHARACTER SET ascii COLLATE ascii_bin NULL,
        sender_name   VARCHAR(50)    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
        text          TEXT           CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        client_msg_id VARBINARY(256) NULL,
        created_at    DATETIME(3)    NOT NULL,
        PRIMARY KEY (channel_id, seq),
        UNIQUE KEY uq_messages_id (id),
        UNIQUE KEY uq_messages_client_msg (channel_id, sender_id, client_msg_id),
        CONSTRAINT ck_messages_type CHECK (type IN ('TEXT', 'SYSTEM')),
        CONSTRAINT ck_messages_text_sender CHECK (type = 'SYSTEM' OR (sender_id IS NOT NULL AND client_msg_id IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // One row per channel, locked FOR UPDATE while a batch takes the channel's next seqs.
    await queryRunner.query(`
      CREATE TABLE message_sequences (
        channel_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
        last_seq   BIGINT   NOT NULL
      ) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('DROP TABLE message_sequences');
    await queryRunner.query('DROP TABLE messages');
  }
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}
