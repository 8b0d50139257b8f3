import { ChatUnavailableError } from '../../domain/chat.errors';
import { MessageNotFoundError } from '../../domain/message.errors';
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
  editedAt: null,
  deletedAt: null,
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

  it('answers an edit or delete by its change id: the message as changed, or the refusal; another change of the same message waits on', async () => {
    const pending = new PendingAcks(1000);
    const edit = pending.wait('c', 'u', 'a');
    const first = pending.waitChange('change-1');
    const second = pending.waitChange('change-2');
    const edited = { ...message('a'), text: 'edited', editedAt: new Date(1) };

    pending.settleChange('change-1', edited);
    await expect(first).resolves.toEqual(edited);
    pending.settleChange('change-1', message('late replay'));
    pending.settleChange('change-2', new MessageNotFoundError());
    await expect(second).rejects.toBeInstanceOf(MessageNotFoundError);
    expect(pending.size).toBe(1);
    pending.settle(message('a'));
    await expect(edit).resolves.toEqual(message('a'));
    expect(pending.size).toBe(0);
  });

  it('fails a change not answered in time with UNAVAILABLE, and refuses new ones while draining', async () => {
    const pending = new PendingAcks(20);
    await expect(pending.waitChange('slow')).rejects.toBeInstanceOf(ChatUnavailableError);
    const inFlight = expect(pending.waitChange('in flight')).rejects.toBeInstanceOf(ChatUnavailableError);
    const drained = pending.drain(10);
    expect(() => pending.waitChange('late')).toThrow(ChatUnavailableError);
    await drained;
    await inFlight;
    expect(pending.size).toBe(0);
  });
});
