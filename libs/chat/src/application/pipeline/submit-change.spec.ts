import { ChatUnavailableError } from '../../domain/chat.errors';
import { messageEdit } from '../../domain/message-change';
import { RefusingBus, SlowFailingBus, unhandledDuring } from '../../testing/refusing-buses';
import { PendingAcks } from './pending-acks';
import { submitChange } from './submit-change';

const edit = () => messageEdit({ id: 'change-1', channelId: 'c', messageId: 'm', requesterId: 'u', text: 'new words', at: new Date(0) });

describe('submitChange (message:edit and message:delete)', () => {
  it('answers UNAVAILABLE at once when the log refuses the change, and leaves nothing waiting', async () => {
    const pending = new PendingAcks(1000);
    const unobserved = await unhandledDuring(async () => {
      await expect(submitChange(new RefusingBus(), pending, edit())).rejects.toBeInstanceOf(ChatUnavailableError);
      expect(pending.size).toBe(0);
    });
    expect(unobserved).toEqual([]);
  });

  it('answers UNAVAILABLE at the ack timeout while the log still tries, and nothing rejects unobserved (as a send)', async () => {
    const pending = new PendingAcks(30);
    const unobserved = await unhandledDuring(async () => {
      const started = Date.now();
      await expect(submitChange(new SlowFailingBus(300), pending, edit())).rejects.toBeInstanceOf(ChatUnavailableError);
      // The ack timeout (30 ms), not the produce's 300 ms.
      expect(Date.now() - started).toBeLessThan(250);
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    expect(unobserved).toEqual([]);
  });
});
