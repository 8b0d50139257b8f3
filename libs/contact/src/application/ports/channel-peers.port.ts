/** Who shares a channel with whom (from the channel library), for presence privacy. */
export abstract class ChannelPeers {
  /** Everyone who shares at least one channel with `userId`, without the user; only those among `among` when given. */
  abstract of(userId: string, among?: readonly string[]): Promise<Set<string>>;
}
