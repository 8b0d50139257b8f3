import { Provider, Type } from '@nestjs/common';

/** What a bus technology adds to the chat module: the MessageBus, its consumers and their lifecycle. */
export interface MessagePipeline {
  readonly controllers: Type[];
  readonly providers: Provider[];
}
