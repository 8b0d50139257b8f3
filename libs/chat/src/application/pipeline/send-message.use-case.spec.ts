import { SystemClock, UuidGenerator } from '@webchat/platform/kernel';
import { SqliteMessageStore } from '../../adapters/out/sqlite/sqlite-message-store.adapter';
import { ChatUnavailableError } from '../../domain/chat.errors';
import { RefusingBus, SlowFailingBus, unhandledDuring } from '../../testing/refusing-buses';
import { ChannelMembers } from '../ports/channel-members.port';
import { ChatMembership } from '../ports/chat-membership.port';
import { SendRateLimit } from '../ports/send-rate-limit.port';
import { ChannelWriteGate } from './channel-write-gate';
import { PendingAcks } from './pending-acks';
import { SendMessage } from './send-message.use-case';

const everyone = { isMember: async () => true, membersOf: async () => new Set<string>() } as ChatMembership;
const unlimited = { take: () => undefined } as SendRateLimit;
/** Never asked here: everyone is a member in memory. */
const nobodyStored = {} as ChannelMembers;

describe('SendMessage', () => {
  it('answers UNAVAILABLE when the log refuses the draft, and leaves no ack waiting to fail later unobserved', async () => {
    const pending = new PendingAcks(30);
    const send = new SendMessage(new ChannelWriteGate(everyone, nobodyStored, unlimited), new RefusingBus(), pending, new UuidGenerator(), new SystemClock(), SqliteMessageStore.open(':memory:'));
    const unobserved = await unhandledDuring(async () => {
      await expect(send.execute({ channelId: 'c', sender: { id: 'u', name: 'U' }, clientMsgId: 'm', text: 'hello' })).rejects.toBeInstanceOf(ChatUnavailableError);
      expect(pending.size).toBe(0);
      // Past the ack timeout: a waiter left behind would reject now, with nobody listening (Node ends the process then).
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(unobserved).toEqual([]);
  });

  it('answers UNAVAILABLE at the ack timeout while the log is still trying to take the draft, and nothing rejects unobserved (the fault suite found nodes ending on it while Kafka was down)', async () => {
    const pending = new PendingAcks(30);
    const send = new SendMessage(new ChannelWriteGate(everyone, nobodyStored, unlimited), new SlowFailingBus(300), pending, new UuidGenerator(), new SystemClock(), SqliteMessageStore.open(':memory:'));
    const unobserved = await unhandledDuring(async () => {
      const started = Date.now();
      await expect(send.execute({ channelId: 'c', sender: { id: 'u', name: 'U' }, clientMsgId: 'm', text: 'hello' })).rejects.toBeInstanceOf(ChatUnavailableError);
      // The ack timeout (30 ms), not the produce's 300 ms.
      expect(Date.now() - started).toBeLessThan(250);
      expect(pending.size).toBe(0);
      // Past the produce's own failure: it must not reject unobserved either.
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    expect(unobserved).toEqual([]);
  });
});
