import { PushChannels } from './ports/push-channels.port';
import { PushPreferenceStore } from './ports/push-preference-store.port';

/** Notifications from a channel again (unmuting a channel that is not muted changes nothing). */
export class UnmuteChannel {
  constructor(
    private readonly channels: PushChannels,
    private readonly preferences: PushPreferenceStore,
  ) {}

  async execute(userId: string, channelId: string): Promise<void> {
    await this.channels.requireMember(userId, channelId);
    await this.preferences.unmute(userId, channelId);
  }
}
