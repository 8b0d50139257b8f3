import { PushSettings } from '../domain/push-settings';
import { PushPreferenceStore } from './ports/push-preference-store.port';

export class ReadPushSettings {
  constructor(private readonly preferences: PushPreferenceStore) {}

  async execute(userId: string): Promise<PushSettings> {
    const [showing, mutedChannelIds] = await Promise.all([this.preferences.showingPrivateText([userId]), this.preferences.mutedBy(userId)]);
    return { showPrivateText: showing.has(userId), mutedChannelIds };
  }
}
