/** Users' push preferences: muted channels and the private-text setting. */
export abstract class PushPreferenceStore {
  /** Mutes the channel for the user (muting twice is one mute). */
  abstract mute(userId: string, channelId: string): Promise<void>;
  /** Resolves whether the channel was muted. */
  abstract unmute(userId: string, channelId: string): Promise<boolean>;
  /** The channels the user muted, in the order muted. */
  abstract mutedBy(userId: string): Promise<string[]>;
  /** Those among `userIds` who muted the channel. */
  abstract mutedAmong(channelId: string, userIds: readonly string[]): Promise<Set<string>>;
  abstract setShowPrivateText(userId: string, show: boolean): Promise<void>;
  /** Those among `userIds` who allowed message text in private and direct channels (default: nobody). */
  abstract showingPrivateText(userIds: readonly string[]): Promise<Set<string>>;
  /** Forgets every preference of the user (account deletion). */
  abstract removeAllOf(userId: string): Promise<void>;
}
