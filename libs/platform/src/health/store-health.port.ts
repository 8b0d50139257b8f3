/** Answers whether the configured store can be reached; provided by the persistence module. */
export abstract class StoreHealth {
  /** Resolves when the store answers, rejects otherwise. */
  abstract ping(): Promise<void>;
}
