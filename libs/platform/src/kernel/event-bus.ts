/**
 * Publishes domain events to whoever listens on a topic, possibly on other
 * server nodes (the in-process adapter serves the embedded mode). Handlers
 * must not throw into the publisher: a failing handler is the handler's problem.
 */
export abstract class EventBus {
  abstract publish<T>(topic: string, event: T): Promise<void>;
  /** Returns the way to stop listening. */
  abstract subscribe<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void;
}
