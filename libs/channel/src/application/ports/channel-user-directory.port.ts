export interface ChannelUser {
  readonly id: string;
  readonly username: string;
}

/** The accounts that channels refer to. */
export abstract class ChannelUserDirectory {
  /** Those of the ids that exist, in no particular order. */
  abstract findByIds(ids: readonly string[]): Promise<ChannelUser[]>;
}
