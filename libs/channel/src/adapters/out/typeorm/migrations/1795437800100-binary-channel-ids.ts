import { isMysql, MYSQL_ENTITY_ID_TYPE } from '@webchat/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

const MEMBER_FOREIGN_KEY = 'fk_channel_members_channel';
/** Two ids and a colon (73), in the old column's length. */
const MYSQL_DIRECT_KEY_TYPE = 'VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin';

/**
 * Every id column of channels and channel_members compares bytes on MySQL, as on SQLite
 * (where this changes nothing). Ids are lower-cased first, so a membership the case-blind
 * key let in under an upper-case channel id finds its channel again; the foreign key is
 * dropped and re-made around the change, since both ends must share one collation.
 */
export class BinaryChannelIds1795437800100 implements MigrationInterface {
  name = 'BinaryChannelIds1795437800100';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(`ALTER TABLE channel_members DROP FOREIGN KEY ${MEMBER_FOREIGN_KEY}`);
    await queryRunner.query('UPDATE channels SET id = LOWER(id), owner_id = LOWER(owner_id), direct_key = LOWER(direct_key)');
    await queryRunner.query('UPDATE channel_members SET channel_id = LOWER(channel_id), user_id = LOWER(user_id)');
    await queryRunner.query(
      `ALTER TABLE channels MODIFY id ${MYSQL_ENTITY_ID_TYPE} NOT NULL, MODIFY owner_id ${MYSQL_ENTITY_ID_TYPE} NULL, MODIFY direct_key ${MYSQL_DIRECT_KEY_TYPE} NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE channel_members MODIFY channel_id ${MYSQL_ENTITY_ID_TYPE} NOT NULL, MODIFY user_id ${MYSQL_ENTITY_ID_TYPE} NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE channel_members ADD CONSTRAINT ${MEMBER_FOREIGN_KEY} FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(`ALTER TABLE channel_members DROP FOREIGN KEY ${MEMBER_FOREIGN_KEY}`);
    await queryRunner.query('ALTER TABLE channels MODIFY id VARCHAR(36) NOT NULL, MODIFY owner_id VARCHAR(36) NULL, MODIFY direct_key VARCHAR(80) NULL');
    await queryRunner.query('ALTER TABLE channel_members MODIFY channel_id VARCHAR(36) NOT NULL, MODIFY user_id VARCHAR(36) NOT NULL');
    await queryRunner.query(
      `ALTER TABLE channel_members ADD CONSTRAINT ${MEMBER_FOREIGN_KEY} FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE`,
    );
  }
}
