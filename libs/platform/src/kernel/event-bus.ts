/**
 * Cluster notifications (membership changes, typing, presence): every server
 * node that subscribed to a topic receives every event published on it after
 * the node started; events published with the same key arrive in publish order.
 * A node that is down misses events (this is not the durable message log).
 * Events travel as JSON, so they must be plain data.
 * Handlers must not throw into the publisher: a failing handler is the handler's problem.
 */
export abstract class EventBus {
  /** `key` groups events that must stay in order (a channel id, say); events without one share the topic's order. */
  abstract publish<T>(topic: string, event: T, key?: string): Promise<void>;
  /** Returns the way to stop listening. */
  abstract subscribe<T>(topic: string, handler: (event: T) => void | Promise<void>): () => void;
}
