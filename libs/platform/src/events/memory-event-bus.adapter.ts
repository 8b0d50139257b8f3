import type { Logger } from 'pino';
import { EventBus } from '../kernel/event-bus';

type Handler = (event: unknown) => void | Promise<void>;

/** In-process event bus for the embedded mode: handlers run after the publisher's turn, errors are logged. */
export class MemoryEventBus extends EventBus {
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(private readonly logger?: Logger) {
    super();
  }

  async publish<T>(topic: string, event: T): Promise<void> {
    for (const handler of this.handlers.get(topic) ?? []) {
      queueMicrotask(() => {
        Promise.resolve()
          .then(() => handler(event))
          .catch((error: unknown) => this.logger?.error({ err: error, topic }, 'event handler failed'));
      });
    }
  }

  subscribe<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    set.add(handler as Handler);
    this.handlers.set(topic, set);
    return () => set.delete(handler as Handler);
  }
}
