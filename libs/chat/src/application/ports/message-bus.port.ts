import { MessageDraft } from '../../domain/message';
import { AppendOutcome } from './message-store.port';

/** A batch of drafts from the log, of any channels, each channel's drafts in log order. */
export type DraftBatchHandler = (drafts: readonly MessageDraft[]) => Promise<void>;
/** What the store made of a batch, announced to every node. */
export type StoredBatchHandler = (outcomes: readonly AppendOutcome[]) => Promise<void>;

/**
 * The durable log of chat messages (DESIGN §4): drafts go in keyed by channel, so one
 * channel keeps its order; the persist stage takes them in batches and the log moves on
 * only after a batch is stored; stored batches then reach every node.
 */
export abstract class MessageBus {
  /** Resolves once the log holds the draft. */
  abstract publishDraft(draft: MessageDraft): Promise<void>;
  /** Registers the persist stage (one per node; the bus decides which drafts each one gets). */
  abstract consumeDrafts(handler: DraftBatchHandler): void;
  abstract publishStored(outcomes: readonly AppendOutcome[]): Promise<void>;
  /** Registers this node's fan-out: it receives every stored batch, from whichever node stored it. */
  abstract consumeStored(handler: StoredBatchHandler): void;
  /** Starts feeding the registered stages; resolves once this node takes part. */
  abstract start(): Promise<void>;
  /** Stops consuming, after the batch in hand is stored and its position committed. */
  abstract stop(): Promise<void>;
}
