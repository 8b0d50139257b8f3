import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig, Clock, IdGenerator, SystemClock, UuidGenerator } from '@webchat/platform';
import { FindUsers } from '@webchat/user';
import { PrometheusChatMetrics } from '../adapters/out/metrics/prometheus-chat-metrics.adapter';
import { StoredReplyQuotes } from '../adapters/out/quotes/stored-reply-quotes.adapter';
import { DeleteMessage, DeleteMessageCommand } from '../application/pipeline/delete-message.use-case';
import { EditMessage, EditMessageCommand } from '../application/pipeline/edit-message.use-case';
import { AckedMessage } from '../application/pipeline/pending-acks';
import { SendMessage, SendMessageCommand } from '../application/pipeline/send-message.use-case';
import { ChannelMembers, SenderReadMark } from '../application/ports/channel-members.port';
import { ChannelOwnership } from '../application/ports/channel-ownership.port';
import { ChatMembership } from '../application/ports/chat-membership.port';
import { ChatMetrics } from '../application/ports/chat-metrics.port';
import { Delivery, MessageDelivery } from '../application/ports/message-delivery.port';
import { MessageStore } from '../application/ports/message-store.port';
import { ReplyQuotes } from '../application/ports/reply-quotes.port';
import { SendRateLimit } from '../application/ports/send-rate-limit.port';
import { chatPipeline } from '../chat-pipeline';
import { Message } from '../domain/message';
import { messagePipelineTransport } from '../message-pipeline-transport';

/** One server node's send pipeline, started as the server starts it, with what its sockets would have seen. */
export interface PipelineTestNode {
  /** What the gateway's `message:send` calls. */
  send(command: SendMessageCommand): Promise<Message>;
  /** What the gateway's `message:edit` calls. */
  edit(command: EditMessageCommand): Promise<Message>;
  /** What the gateway's `message:delete` calls. */
  delete(command: DeleteMessageCommand): Promise<void>;
  /** The new messages this node put in front of its sockets (`message:new`), in order. */
  readonly delivered: Message[];
  /** Everything it put in front of them, `message:updated` and `message:deleted` too, in order. */
  readonly events: SeenEvent[];
  /** The graceful stop (SIGTERM's `app.close()`). */
  stop(): Promise<void>;
}

/** One socket event as this node would emit it, its message as stored. */
export interface SeenEvent {
  readonly event: Delivery['event'];
  readonly message: Message;
}

/** Everyone may send everywhere, without limit: membership and rate limits have their own tests. */
class EveryoneMayAlwaysSend {
  async isMember(): Promise<boolean> {
    return true;
  }

  /** Nobody else to count: the pipeline's tests do not look at unread counts (the e2e tests do). */
  async membersOf(): Promise<ReadonlySet<string>> {
    return new Set();
  }

  take(): void {}

  /** Nobody owns a channel here: deletes are the senders' own (the owner's case has e2e tests). */
  async isOwner(): Promise<boolean> {
    return false;
  }
}

/** The senders' read marks are best effort and belong to the channel library; the pipeline only moves them. */
class ReadMarksMoved extends ChannelMembers {
  readonly moved: SenderReadMark[] = [];
  requireMember(): never {
    throw new Error('not used by the pipeline');
  }
  advanceReadMark(): never {
    throw new Error('not used by the pipeline');
  }
  async readMarksOf(): Promise<[]> {
    return [];
  }
  async advanceSendersReadMarks(marks: readonly SenderReadMark[]): Promise<void> {
    this.moved.push(...marks);
  }
}

@Module({})
class PipelineTestNodeModule {}

/**
 * The pipeline of `config.bus` wired as ChatRealtimeModule wires it (chatPipeline) and started as
 * the server's createApp/startApp start it: the microservice transport connected (on Kafka), the
 * lifecycle hooks, then the transport's consumers. Only the socket side is replaced.
 */
export async function startPipelineTestNode(config: AppConfig, store: MessageStore): Promise<PipelineTestNode> {
  const pipeline = await chatPipeline(config);
  const delivered: Message[] = [];
  const events: SeenEvent[] = [];
  const see = (deliveries: readonly Delivery[]) => {
    for (const { event, message } of deliveries) {
      const stored = 'unreadCount' in message ? uncounted(message) : message;
      events.push({ event, message: stored });
      if (event === 'message:new') delivered.push(stored);
    }
  };
  const everyone = new EveryoneMayAlwaysSend();
  const app: INestApplication = await NestFactory.create(
    {
      module: PipelineTestNodeModule,
      controllers: pipeline.controllers,
      providers: [
        ...pipeline.providers,
        { provide: MessageStore, useValue: store },
        { provide: ChannelMembers, useValue: new ReadMarksMoved() },
        { provide: ChatMembership, useValue: everyone },
        { provide: SendRateLimit, useValue: everyone },
        { provide: ChannelOwnership, useValue: everyone },
        { provide: MessageDelivery, useValue: { deliver: see } satisfies MessageDelivery },
        // Every sender's account exists here: "deleted user" has its own tests.
        { provide: ReplyQuotes, useValue: new StoredReplyQuotes(store, { byIds: async (ids: readonly string[]) => ids.map((id) => ({ id })) } as unknown as FindUsers) },
        { provide: ChatMetrics, useClass: PrometheusChatMetrics },
        { provide: Clock, useClass: SystemClock },
        { provide: IdGenerator, useClass: UuidGenerator },
      ],
    },
    new FastifyAdapter(),
    { logger: false, abortOnError: false },
  );
  const strategy = await messagePipelineTransport(app, config);
  if (strategy) app.connectMicroservice({ strategy });
  await app.init();
  await app.startAllMicroservices();
  const [sender, editor, deleter] = [app.get(SendMessage), app.get(EditMessage), app.get(DeleteMessage)];
  return {
    send: async (command) => uncounted(await sender.execute(command)),
    edit: async (command) => uncounted(await editor.execute(command)),
    delete: (command) => deleter.execute(command),
    delivered,
    events,
    stop: () => app.close(),
  };
}

/** The stored message as the store holds it: this node counts nobody else (see EveryoneMayAlwaysSend), the e2e tests check counts and quotes. */
function uncounted({ unreadCount: _unreadCount, replyTo: _replyTo, ...message }: AckedMessage): Message {
  return message;
}
