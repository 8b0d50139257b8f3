import { PushChannel } from '../../domain/push-notification';

/** What push needs of channels (the channel library answers). */
export abstract class PushChannels {
  /**
   * Throws the channel library's errors for a non-member: 403 for a public channel's
   * non-member, 404 for anyone else's private or direct channel or an unknown channel.
   */
  abstract requireMember(userId: string, channelId: string): Promise<void>;
  /** The channel's member ids (empty for an unknown channel). */
  abstract membersOf(channelId: string): Promise<string[]>;
  /** The channel as one of its members sees it; undefined once it is gone. */
  abstract describe(channelId: string, memberId: string): Promise<PushChannel | undefined>;
}
