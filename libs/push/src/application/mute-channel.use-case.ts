import { PushChannels } from './ports/push-channels.port';
import { PushPreferenceStore } from './ports/push-preference-store.port';

/** No more notifications from a channel I am a member of. */
export class MuteChannel {
  constructor(
    private readonly channels: PushChannels,
    private readonly preferences: PushPreferenceStore,
  ) {}

  async execute(userId: string, channelId: string): Promise<void> {
    await this.channels.requireMember(userId, channelId);
    await this.preferences.mute(userId, channelId);
  }
}
