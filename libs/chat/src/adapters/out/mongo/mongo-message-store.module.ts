import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MessageStore } from '../../../application/ports/message-store.port';
import { mongoChannelSequenceSchema, MONGO_CHANNEL_SEQUENCE_MODEL } from './mongo-channel-sequence.schema';
import { MONGO_CONNECTION_OPTIONS } from './mongo-connection-options';
import { mongoMessageSchema, MONGO_MESSAGE_MODEL } from './mongo-message.schema';
import { MongoMessageStore } from './mongo-message-store.adapter';

/**
 * MessageStore on MongoDB (MESSAGE_STORE=mongo): a connection of its own to MONGO_URL, opened at
 * start-up (indexes built) and closed when the application shuts down. Imported only through
 * MessageStoreModule's dynamic import, so mongoose is never loaded otherwise.
 */
@Module({})
export class MongoMessageStoreModule {
  static forRoot(mongoUrl: string): DynamicModule {
    return {
      module: MongoMessageStoreModule,
      global: true,
      imports: [
        MongooseModule.forRoot(mongoUrl, {
          ...MONGO_CONNECTION_OPTIONS,
          // One try (serverSelectionTimeoutMS long): a node that cannot reach its store should stop, not limp.
          retryAttempts: 1,
          // The one line start-up prints names the variable to fix.
          connectionErrorFactory: (error) => {
            const message = `MONGO_URL: cannot connect to MongoDB: ${error.message}`;
            return Object.assign(error, { message, stack: `${error.name}: ${message}` });
          },
        }),
        MongooseModule.forFeature([
          { name: MONGO_MESSAGE_MODEL, schema: mongoMessageSchema },
          { name: MONGO_CHANNEL_SEQUENCE_MODEL, schema: mongoChannelSequenceSchema },
        ]),
      ],
      providers: [{ provide: MessageStore, useClass: MongoMessageStore }],
      exports: [MessageStore],
    };
  }
}
