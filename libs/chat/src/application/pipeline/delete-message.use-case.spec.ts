import { Clock, IdGenerator } from '@webchat/platform/kernel';
import { MessageChange } from '../../domain/message-change';
import { ChannelOwnership } from '../ports/channel-ownership.port';
import { MessageBus } from '../ports/message-bus.port';
import { ChannelWriteGate } from './channel-write-gate';
import { DeleteMessage } from './delete-message.use-case';
import { PendingAcks } from './pending-acks';

/** A log that keeps what it is given and never answers (the acks are not under test here). */
class KeepingBus extends MessageBus {
  readonly changes: MessageChange[] = [];
  async publishChange(change: MessageChange): Promise<void> {
    this.changes.push(change);
  }
  async publishDraft(): Promise<void> {}
  async publishStored(): Promise<void> {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

describe('DeleteMessage', () => {
  it('gives two deletes of one millisecond different times, so the persist stage never takes the second for a replay of the first', async () => {
    const bus = new KeepingBus();
    const stoppedClock = { now: () => new Date(1_000) } as Clock;
    let id = 0;
    const ids = { next: () => `change-${(id += 1)}` } as IdGenerator;
    const admitAll = { admit: async () => undefined } as unknown as ChannelWriteGate;
    const owner = { isOwner: async () => false } as unknown as ChannelOwnership;
    const remove = new DeleteMessage(admitAll, owner, bus, new PendingAcks(20), ids, stoppedClock);
    const command = { channelId: 'c', messageId: 'm', deleterId: 'u' };

    await Promise.allSettled([remove.execute(command), remove.execute(command)]);

    expect(bus.changes.map((change) => change.at.getTime())).toEqual([1_000, 1_001]);
  });
});
