/** One topic that KafkaBatchTransport consumes, and the `@EventPattern` whose handler gets its batches. */
export interface KafkaBatchSubscription<T = unknown> {
  readonly pattern: string;
  readonly topic: string;
  readonly groupId: string;
  /**
   * `committed`: resume from the group's committed offsets (a group new to the topic starts at
   * its beginning, so nothing published before it existed is lost). `end`: join at the log's
   * current end (a group made for this process, which wants only what comes from now on).
   */
  readonly start: 'committed' | 'end';
  /** The most records handed to the handler in one call (a fetch larger than this is split). */
  readonly maxBatch: number;
  /** Turns a record's value into what the handler receives; runs once per record. */
  decode(value: Buffer): T;
}
