import { randomUUID } from 'node:crypto';
import { Message, MessageStore, systemMessageDraft, textMessageDraft } from '@webchat/chat';
import { SignedInUser, TestApp } from './test-app';

/**
 * Writes messages straight into the app's MessageStore (the socket send path is built
 * elsewhere), one batch per call, in the order given: a string is a TEXT message of
 * `sender`, `{ system }` a SYSTEM notice.
 */
export async function storeMessages(
  t: TestApp,
  channelId: string,
  sender: SignedInUser,
  ...entries: (string | { system: string })[]
): Promise<Message[]> {
  const createdAt = new Date();
  const drafts = entries.map((entry) =>
    typeof entry === 'string'
      ? textMessageDraft({ id: randomUUID(), channelId, senderId: sender.id, senderName: sender.username, text: entry, clientMsgId: randomUUID(), createdAt })
      : systemMessageDraft({ id: randomUUID(), channelId, text: entry.system, createdAt }),
  );
  const outcomes = await t.app.get(MessageStore).appendBatch(drafts);
  return outcomes.map((outcome) => outcome.message);
}
