import { SystemClock, UuidGenerator } from '@webchat/platform/kernel';
import { SqliteMessageStore } from '../../adapters/out/sqlite/sqlite-message-store.adapter';
import { ChatUnavailableError } from '../../domain/chat.errors';
import { ChannelMembers } from '../ports/channel-members.port';
import { ChatMembership } from '../ports/chat-membership.port';
import { MessageBus } from '../ports/message-bus.port';
import { SendRateLimit } from '../ports/send-rate-limit.port';
import { PendingAcks } from './pending-acks';
import { SendMessage } from './send-message.use-case';

/** A log that refuses every draft, as Kafka does while no broker answers (the in-process queue never refuses). */
class RefusingBus extends MessageBus {
  async publishDraft(): Promise<void> {
    throw new Error('no broker answered');
  }
  async publishChange(): Promise<void> {
    throw new Error('no broker answered');
  }
  async publishStored(): Promise<void> {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

const everyone = { isMember: async () => true, membersOf: async () => new Set<string>() } as ChatMembership;
const unlimited = { take: () => undefined } as SendRateLimit;
/** Never asked here: everyone is a member in memory. */
const nobodyStored = {} as ChannelMembers;

describe('SendMessage', () => {
  it('answers UNAVAILABLE when the log refuses the draft, and leaves no ack waiting to fail later unobserved', async () => {
    const pending = new PendingAcks(30);
    const send = new SendMessage(everyone, nobodyStored, unlimited, new RefusingBus(), pending, new UuidGenerator(), new SystemClock(), SqliteMessageStore.open(':memory:'));
    const unobserved: unknown[] = [];
    const listener = (reason: unknown) => void unobserved.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await expect(send.execute({ channelId: 'c', sender: { id: 'u', name: 'U' }, clientMsgId: 'm', text: 'hello' })).rejects.toBeInstanceOf(ChatUnavailableError);
      expect(pending.size).toBe(0);
      // Past the ack timeout: a waiter left behind would reject now, with nobody listening (Node ends the process then).
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unobserved).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
