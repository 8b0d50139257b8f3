import { isMysql, MYSQL_ENTITY_ID_TYPE } from '@webchat/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies: the id of the quoted message (of the same channel, checked when the reply is sent).
 * No index: a page resolves its quotes by id through the unique key on `id`; nothing looks up
 * the replies of a message. MySQL only, like the table itself.
 */
export class AddMessageReplies1764000000000 implements MigrationInterface {
  name = 'AddMessageReplies1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query(`ALTER TABLE messages ADD COLUMN reply_to_id ${MYSQL_ENTITY_ID_TYPE} NULL AFTER client_msg_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!isMysql(queryRunner)) return;
    await queryRunner.query('ALTER TABLE messages DROP COLUMN reply_to_id');
  }
}
