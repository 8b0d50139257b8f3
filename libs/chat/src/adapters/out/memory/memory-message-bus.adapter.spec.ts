import { MessageDraft } from '../../../domain/message';
import { MemoryMessageBus } from './memory-message-bus.adapter';

const draft = (n: number): MessageDraft => ({
  id: `id-${n}`,
  channelId: `channel-${n % 2}`,
  type: 'TEXT',
  senderId: 'u',
  senderName: 'U',
  clientMsgId: `m-${n}`,
  replyToId: null,
  text: `text ${n}`,
  createdAt: new Date(0),
});

describe('MemoryMessageBus', () => {
  it('hands drafts published together to the persist stage in batches of at most maxBatch, in publish order', async () => {
    const bus = new MemoryMessageBus(4);
    const batches: string[][] = [];
    bus.consumeDrafts(async (drafts) => void batches.push(drafts.map((d) => d.id)));
    await bus.start();

    await Promise.all(Array.from({ length: 10 }, (_, n) => bus.publishDraft(draft(n))));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(batches).toEqual([
      ['id-0', 'id-1', 'id-2', 'id-3'],
      ['id-4', 'id-5', 'id-6', 'id-7'],
      ['id-8', 'id-9'],
    ]);
  });

  it('offers a batch again until it is stored, and keeps what came after it waiting', async () => {
    const bus = new MemoryMessageBus(10, undefined, 5);
    const attempts: string[][] = [];
    let failures = 2;
    bus.consumeDrafts(async (drafts) => {
      attempts.push(drafts.map((d) => d.id));
      if (failures-- > 0) throw new Error('store down');
    });
    await bus.start();

    await bus.publishDraft(draft(1));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await bus.publishDraft(draft(2));
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(attempts[attempts.length - 1]).toEqual(['id-1', 'id-2']);
    expect(attempts.length).toBe(3);
    expect(bus.backlog).toBe(0);
  });

  it('announces stored batches to every fan-out handler, and a failing one does not stop the others', async () => {
    const bus = new MemoryMessageBus();
    const seen: number[] = [];
    bus.consumeStored(async () => {
      throw new Error('fan-out down');
    });
    bus.consumeStored(async (outcomes) => void seen.push(outcomes.length));
    await bus.publishStored([]);
    expect(seen).toEqual([0]);
  });
});
