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

/**
 * Waits until the channel's history holds a SYSTEM notice with this text (join, leave and invite
 * notices travel through the message log after the HTTP answer), and answers the newest such notice.
 */
export async function storedNotice(t: TestApp, channelId: string, text: string, timeoutMs = 5000): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await t.app.get(MessageStore).pageLatest(channelId, 100)).filter((message) => message.type === 'SYSTEM' && message.text === text);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`timed out waiting for the notice "${text}" in channel ${channelId}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
