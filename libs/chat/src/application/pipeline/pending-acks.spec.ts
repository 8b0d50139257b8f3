import { ChatUnavailableError } from '../../domain/chat.errors';
import { AckedMessage, PendingAcks } from './pending-acks';

const message = (clientMsgId: string): AckedMessage => ({
  id: `id-${clientMsgId}`,
  channelId: 'c',
  seq: 1,
  type: 'TEXT',
  senderId: 'u',
  senderName: 'U',
  clientMsgId,
  text: 'x',
  createdAt: new Date(0),
  replyToId: null,
  unreadCount: 0,
  replyTo: null,
});

describe('PendingAcks', () => {
  it('resolves every send waiting for the same (channel, sender, clientMsgId) with the stored message', async () => {
    const pending = new PendingAcks(1000);
    const first = pending.wait('c', 'u', 'a');
    const retry = pending.wait('c', 'u', 'a');
    const other = pending.wait('c', 'u', 'b');

    pending.settle(message('a'));

    await expect(first).resolves.toEqual(message('a'));
    await expect(retry).resolves.toEqual(message('a'));
    expect(pending.size).toBe(1);
    pending.settle(message('b'));
    await expect(other).resolves.toEqual(message('b'));
    expect(pending.size).toBe(0);
  });

  it('fails a send that is not stored in time with UNAVAILABLE, and forgets it', async () => {
    const pending = new PendingAcks(20);
    await expect(pending.wait('c', 'u', 'slow')).rejects.toBeInstanceOf(ChatUnavailableError);
    expect(pending.size).toBe(0);
  });

  it('drops a withdrawn send, failing it with the reason, while a racing send of the same id still gets the message', async () => {
    const pending = new PendingAcks(1000);
    const withdrawn = new AbortController();
    const first = pending.wait('c', 'u', 'a', withdrawn.signal);
    const racing = pending.wait('c', 'u', 'a');

    withdrawn.abort(new ChatUnavailableError('not on the log'));

    await expect(first).rejects.toThrow('not on the log');
    expect(pending.size).toBe(1);
    pending.settle(message('a'));
    await expect(racing).resolves.toEqual(message('a'));
    expect(pending.size).toBe(0);
  });
});
