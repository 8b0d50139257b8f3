import type { Logger } from 'pino';
import { EventBus } from '../kernel/event-bus';
import { LocalSubscribers } from './local-subscribers';

/**
 * In-process event bus for the embedded mode (one node). Deliveries run after
 * the publisher's turn, one at a time in publish order, as the Kafka adapter's do.
 */
export class MemoryEventBus extends EventBus {
  private readonly subscribers: LocalSubscribers;
  private queue: Promise<void> = Promise.resolve();

  constructor(logger?: Logger) {
    super();
    this.subscribers = new LocalSubscribers(logger);
  }

  async publish<T>(topic: string, event: T, _key?: string): Promise<void> {
    // A JSON copy, so handlers see what a node on another machine would see.
    const copy: unknown = JSON.parse(JSON.stringify(event));
    this.queue = this.queue.then(() => this.subscribers.deliver(topic, copy));
  }

  subscribe<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void {
    return this.subscribers.add(topic, handler);
  }
}
