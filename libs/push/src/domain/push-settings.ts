/** A user's push preferences. */
export interface PushSettings {
  /** Message text in notifications of private and direct channels (public channels always show a snippet). */
  readonly showPrivateText: boolean;
  /** Channels the user muted: no notifications from them. */
  readonly mutedChannelIds: readonly string[];
}
