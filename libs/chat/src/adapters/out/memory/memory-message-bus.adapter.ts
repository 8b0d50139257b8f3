import type { Logger } from 'pino';
import { MessageDraft } from '../../../domain/message';
import { MessageChange } from '../../../domain/message-change';
import { LogEntry, MessageBus, StoredEntry } from '../../../application/ports/message-bus.port';

/** A batch from the queue, of any channels, each channel's drafts, edits and deletes in publish order. */
export type DraftBatchHandler = (entries: readonly LogEntry[]) => Promise<void>;
/** What the store made of a batch. */
export type StoredBatchHandler = (entries: readonly StoredEntry[]) => Promise<void>;

/**
 * The embedded mode's log, one process: drafts (and edits and deletes) queue in publish order and the persist stage
 * takes whatever has queued, up to `maxBatch`, as one batch, the next batch only after the
 * previous one resolved (the same one-writer, in-order, batch-then-ack steps as on Kafka).
 * A failed batch is retried, like an uncommitted Kafka offset, until it is stored.
 */
export class MemoryMessageBus extends MessageBus {
  private readonly queue: LogEntry[] = [];
  private persist?: DraftBatchHandler;
  private readonly fanOut: StoredBatchHandler[] = [];
  private draining = false;
  private started = false;

  constructor(
    private readonly maxBatch = 1000,
    private readonly logger?: Logger,
    private readonly retryDelayMs = 200,
  ) {
    super();
  }

  async publishDraft(draft: MessageDraft): Promise<void> {
    this.queue.push(draft);
    this.drainSoon();
  }

  async publishChange(change: MessageChange): Promise<void> {
    this.queue.push(change);
    this.drainSoon();
  }

  /** Registers the persist stage (this process is the only one). */
  consumeDrafts(handler: DraftBatchHandler): void {
    this.persist = handler;
  }

  async publishStored(entries: readonly StoredEntry[]): Promise<void> {
    for (const handler of this.fanOut) {
      await handler(entries).catch((error: unknown) => this.logger?.error({ err: error }, 'message fan-out failed'));
    }
  }

  /** Registers a fan-out: it receives every stored batch. */
  consumeStored(handler: StoredBatchHandler): void {
    this.fanOut.push(handler);
  }

  async start(): Promise<void> {
    this.started = true;
    this.drainSoon();
  }

  async stop(): Promise<void> {
    this.started = false;
    while (this.draining) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Entries not yet taken by the persist stage (for shutdown and metrics). */
  get backlog(): number {
    return this.queue.length;
  }

  private drainSoon(): void {
    if (this.draining || !this.started || !this.persist || this.queue.length === 0) return;
    this.draining = true;
    // After the current turn, so sends arriving together share one batch.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.started && this.persist && this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      try {
        await this.persist(batch);
        this.queue.splice(0, batch.length);
      } catch (error) {
        this.logger?.error({ err: error, size: batch.length }, 'storing a message batch failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
    this.draining = false;
  }
}
