import { PushSettings } from '../domain/push-settings';
import { PushPreferenceStore } from './ports/push-preference-store.port';
import { ReadPushSettings } from './read-push-settings.use-case';

/** Sets whether notifications of private and direct channels may carry message text. */
export class ChangePushSettings {
  constructor(
    private readonly preferences: PushPreferenceStore,
    private readonly read: ReadPushSettings,
  ) {}

  async execute(userId: string, showPrivateText: boolean): Promise<PushSettings> {
    await this.preferences.setShowPrivateText(userId, showPrivateText);
    return this.read.execute(userId);
  }
}
