import type { Logger } from 'pino';

type Handler = (event: unknown) => void | Promise<void>;

/** The handlers of this node, by topic; shared by every EventBus adapter. */
export class LocalSubscribers {
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(private readonly logger?: Logger) {}

  add<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    set.add(handler as Handler);
    this.handlers.set(topic, set);
    return () => set.delete(handler as Handler);
  }

  /** Runs the topic's handlers one after another; a failing handler is logged and the rest still run. */
  async deliver(topic: string, event: unknown): Promise<void> {
    for (const handler of [...(this.handlers.get(topic) ?? [])]) {
      try {
        await handler(event);
      } catch (error) {
        this.logger?.error({ err: error, topic }, 'event handler failed');
      }
    }
  }
}
