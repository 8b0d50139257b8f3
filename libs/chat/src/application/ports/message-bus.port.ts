import { MessageDraft } from '../../domain/message';
import { AppendOutcome } from './message-store.port';

/**
 * The durable log of chat messages (DESIGN §4), publishing side: drafts go in keyed by channel,
 * so one channel keeps its order; stored batches go out to every node. Who consumes them is the
 * technology's inbound adapter (the in-process queue's consumers, or the Kafka batch transport's
 * `@EventPattern` handlers), which calls PersistMessages and DeliverMessages.
 */
export abstract class MessageBus {
  /** Resolves once the log holds the draft. */
  abstract publishDraft(draft: MessageDraft): Promise<void>;
  /** Announces what the store made of a batch to every node. */
  abstract publishStored(outcomes: readonly AppendOutcome[]): Promise<void>;
  /** Readies publishing (topics, connections). */
  abstract start(): Promise<void>;
  /** Stops publishing; called after the consumers have stopped. */
  abstract stop(): Promise<void>;
}
