import { describeOnMongo, mongoTestDatabaseUrl } from '@webchat/platform/testing';
import { Connection, createConnection } from 'mongoose';
import { messageStoreContract } from '../../../application/ports/message-store.contract';
import { MongoChannelSequenceDocument, mongoChannelSequenceSchema, MONGO_CHANNEL_SEQUENCE_MODEL } from './mongo-channel-sequence.schema';
import { MONGO_CONNECTION_OPTIONS } from './mongo-connection-options';
import { MongoMessageStore } from './mongo-message-store.adapter';
import { MongoMessageDocument, mongoMessageSchema, MONGO_MESSAGE_MODEL } from './mongo-message.schema';

/** A store on a connection of its own, built as MongoMessageStoreModule builds it. */
async function storeOn(url: string): Promise<{ store: MongoMessageStore; connection: Connection }> {
  const connection = await createConnection(url, MONGO_CONNECTION_OPTIONS).asPromise();
  const store = new MongoMessageStore(
    connection.model<MongoMessageDocument>(MONGO_MESSAGE_MODEL, mongoMessageSchema),
    connection.model<MongoChannelSequenceDocument>(MONGO_CHANNEL_SEQUENCE_MODEL, mongoChannelSequenceSchema),
  );
  await store.onModuleInit();
  return { store, connection };
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
