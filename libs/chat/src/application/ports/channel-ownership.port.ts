/** Who owns a channel (the channel library answers): the owner may delete any member's TEXT message. */
export abstract class ChannelOwnership {
  /** False for a channel without an owner (direct) or an unknown one. */
  abstract isOwner(channelId: string, userId: string): Promise<boolean>;
}
