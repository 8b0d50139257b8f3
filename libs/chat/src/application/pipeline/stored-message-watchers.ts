import { Message } from '../../domain/message';

/** Hears the messages the persist stage has newly stored. */
export type StoredMessageWatcher = (messages: readonly Message[]) => void;

/**
 * Who else wants to hear of newly stored messages (push notifications): told by the persist
 * stage, which handles each message once in the whole cluster, right after it announced the
 * batch. A watcher is called synchronously and must only take note (queue the messages): the
 * persist stage does not wait for it, and a watcher that throws is skipped, never the batch.
 */
export class StoredMessageWatchers {
  private readonly watchers = new Set<StoredMessageWatcher>();

  /** Returns the way to stop watching. */
  watch(watcher: StoredMessageWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  tell(messages: readonly Message[]): void {
    if (messages.length === 0) return;
    for (const watcher of this.watchers) {
      try {
        watcher(messages);
      } catch {
        // A watcher's failure is its own (see above); the stored batch is not affected.
      }
    }
  }
}
