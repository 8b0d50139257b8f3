import { MessageDraft } from '../../domain/message';
import { ChangeOutcome, MessageChange } from '../../domain/message-change';
import { AppendOutcome } from './message-store.port';

/** What the log carries to the persist stage, keyed by channel: sends, and edits and deletes between them. */
export type LogEntry = MessageDraft | MessageChange;
/** What the persist stage announces to every node, in log order: a send's outcome or a change's. */
export type StoredEntry = AppendOutcome | ChangeOutcome;

export function isChange(entry: LogEntry): entry is MessageChange {
  return 'change' in entry;
}

export function isChangeOutcome(entry: StoredEntry): entry is ChangeOutcome {
  return 'change' in entry;
}

/**
 * The durable log of chat messages (DESIGN §4), publishing side: drafts, edits and deletes go in
 * keyed by channel, on one stream, so one channel keeps its order; stored batches go out to every
 * node. Who consumes them is the technology's inbound adapter (the in-process queue's consumers,
 * or the Kafka batch transport's `@EventPattern` handlers), which calls PersistMessages and
 * DeliverMessages.
 */
export abstract class MessageBus {
  /** Resolves once the log holds the draft. */
  abstract publishDraft(draft: MessageDraft): Promise<void>;
  /** Resolves once the log holds the edit or delete, behind the channel's drafts published before it. */
  abstract publishChange(change: MessageChange): Promise<void>;
  /** Announces what the store made of a batch to every node, in log order. */
  abstract publishStored(entries: readonly StoredEntry[]): Promise<void>;
  /** Readies publishing (topics, connections). */
  abstract start(): Promise<void>;
  /** Stops publishing; called after the consumers have stopped. */
  abstract stop(): Promise<void>;
}
