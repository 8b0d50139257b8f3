import { describeOnMongo, mongoTestDatabaseUrl } from '@webchat/platform/testing';
import { Connection, createConnection } from 'mongoose';
import { messageStoreContract } from '../../../application/ports/message-store.contract';
import { textMessageDraft } from '../../../domain/message-draft';
import { ChannelWriteLocks } from './channel-write-locks';
import { MongoChannelSequenceDocument, mongoChannelSequenceSchema, MONGO_CHANNEL_SEQUENCE_MODEL } from './mongo-channel-sequence.schema';
import { MONGO_CONNECTION_OPTIONS } from './mongo-connection-options';
import { toMongoDocument } from './mongo-message-document';
import { MongoMessageStore } from './mongo-message-store.adapter';
import { MongoMessageDocument, mongoMessageSchema, MONGO_MESSAGE_MODEL } from './mongo-message.schema';

/** A store on a connection of its own, built as MongoMessageStoreModule builds it. */
async function storeOn(url: string) {
  const connection: Connection = await createConnection(url, MONGO_CONNECTION_OPTIONS).asPromise();
  const messages = connection.model<MongoMessageDocument>(MONGO_MESSAGE_MODEL, mongoMessageSchema);
  const sequences = connection.model<MongoChannelSequenceDocument>(MONGO_CHANNEL_SEQUENCE_MODEL, mongoChannelSequenceSchema);
  const store = new MongoMessageStore(messages, sequences);
  await store.onModuleInit();
  return { store, connection, messages, sequences };
}

describeOnMongo('MongoMessageStore', () =>
  messageStoreContract(async () => {
    // A database of its own per test; the sibling has a connection of its own, as a second node would.
    const url = mongoTestDatabaseUrl();
    const first = await storeOn(url);
    const second = await storeOn(url);
    return {
      store: first.store,
      sibling: second.store,
      close: async () => {
        await second.connection.close();
        await first.connection.dropDatabase();
        await first.connection.close();
      },
    };
  }));

// What stands in for a transaction: the channel locks and the repair after a writer that died.
describeOnMongo('MongoMessageStore without transactions', () => {
  let opened: Awaited<ReturnType<typeof storeOn>>;
  beforeEach(async () => (opened = await storeOn(mongoTestDatabaseUrl())));
  afterEach(async () => {
    await opened.connection.dropDatabase();
    await opened.connection.close();
  });
  const channelId = '00000000-0000-4000-c000-0000000000f1';
  let n = 0;
  const draft = (clientMsgId: string) =>
    textMessageDraft({
      id: `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
      channelId,
      senderId: '00000000-0000-4000-a000-00000000000a',
      senderName: 'Mina',
      text: `text ${clientMsgId}`,
      clientMsgId,
      createdAt: new Date(0),
    });

  it('continues after messages a writer stored before it died, and moves lastSeq up to them', async () => {
    await opened.store.appendBatch([draft('a')]);
    // Stored, but the writer died before its release advanced lastSeq and freed the lock.
    await opened.messages.insertMany([toMongoDocument({ ...draft('orphan'), seq: 2, editedAt: null, deletedAt: null })], { lean: true });
    await opened.sequences.updateOne({ _id: channelId }, { $set: { lockedBy: 'dead-writer', lockedUntil: new Date(Date.now() - 1) } });
    expect(await opened.store.lastSeq([channelId])).toEqual(new Map([[channelId, 1]]));

    const outcomes = await opened.store.appendBatch([draft('orphan'), draft('b')]);

    expect(outcomes.map((outcome) => [outcome.message.clientMsgId, outcome.message.seq, outcome.isNew])).toEqual([
      ['orphan', 2, false],
      ['b', 3, true],
    ]);
    expect(await opened.store.lastSeq([channelId])).toEqual(new Map([[channelId, 3]]));
    expect((await opened.store.pageAfter(channelId, 0, 10)).map((message) => message.seq)).toEqual([1, 2, 3]);
  });

  it('makes a second writer wait for a held channel, and fail when the lease outlasts its patience', async () => {
    const locks = new ChannelWriteLocks(opened.sequences, { leaseMs: 60_000, waitMs: 300 });
    const held = await locks.acquire([channelId, 'other']);
    await expect(locks.acquire(['third', channelId])).rejects.toThrow(/stayed locked/);
    // The failed try took 'third' for a moment and gave it back.
    await expect(locks.acquire(['third'])).resolves.toMatchObject({ channelIds: ['third'] });

    const waiting = locks.acquire([channelId]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await locks.release(held, new Map([[channelId, 7]]));
    await expect(waiting).resolves.toMatchObject({ lastSeq: new Map([[channelId, 7]]) });
  });

  it('refuses a second message with a stored seq or retry key, whoever writes it', async () => {
    const [first] = await opened.store.appendBatch([draft('x')]);
    await expect(opened.messages.insertMany([toMongoDocument({ ...draft('y'), seq: 1, editedAt: null, deletedAt: null })], { lean: true })).rejects.toHaveProperty('code', 11000);
    await expect(opened.messages.insertMany([toMongoDocument({ ...draft('x'), seq: 2, editedAt: null, deletedAt: null })], { lean: true })).rejects.toHaveProperty('code', 11000);
    expect(await opened.store.pageLatest(channelId, 10)).toEqual([first.message]);
  });
});
