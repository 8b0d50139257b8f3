import { SystemClock, UuidGenerator } from '@webchat/platform/kernel';
import { ChatUnavailableError } from '../../domain/chat.errors';
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
  async publishStored(): Promise<void> {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/** A log whose produce keeps retrying (kafkajs while the broker is down) and fails only after `failAfterMs`. */
class SlowFailingBus extends RefusingBus {
  constructor(private readonly failAfterMs: number) {
    super();
  }
  override async publishDraft(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.failAfterMs));
    throw new Error('no broker answered in time');
  }
}

/** Collects the promise rejections nobody handled while `work` runs (Node ends the process on one). */
async function unhandledDuring(work: () => Promise<void>): Promise<unknown[]> {
  const unobserved: unknown[] = [];
  const listener = (reason: unknown) => void unobserved.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await work();
  } finally {
    process.off('unhandledRejection', listener);
  }
  return unobserved;
}

const everyone = { isMember: async () => true, membersOf: async () => new Set<string>() } as ChatMembership;
const unlimited = { take: () => undefined } as SendRateLimit;

describe('SendMessage', () => {
  it('answers UNAVAILABLE when the log refuses the draft, and leaves no ack waiting to fail later unobserved', async () => {
    const pending = new PendingAcks(30);
    const send = new SendMessage(everyone, unlimited, new RefusingBus(), pending, new UuidGenerator(), new SystemClock());
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

  it('answers UNAVAILABLE at the ack timeout while the log is still trying to take the draft, and nothing rejects unobserved (the fault suite found nodes ending on it while Kafka was down)', async () => {
    const pending = new PendingAcks(30);
    const send = new SendMessage(everyone, unlimited, new SlowFailingBus(300), pending, new UuidGenerator(), new SystemClock());
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
