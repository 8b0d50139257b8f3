import { createMysqlSchema, describeOnMysql } from '@webchat/platform/testing';
import { chatReadFlow } from './support/chat-read-flow';
import { messageUnreadFlow } from './support/message-unread-flow';
import { startTestApp } from './support/test-app';

describeOnMysql('chat history, search and read marks on MySQL (DB=mysql)', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  beforeAll(async () => {
    schema = await createMysqlSchema();
  });
  afterAll(() => schema.drop());

  chatReadFlow(() => startTestApp({ DB: 'mysql', MYSQL_URL: schema.url }));
  messageUnreadFlow(() => startTestApp({ DB: 'mysql', MYSQL_URL: schema.url }, { listen: true }));
});
