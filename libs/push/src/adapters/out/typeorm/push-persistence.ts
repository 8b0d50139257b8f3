import type { PersistenceFeature } from '@webchat/platform';
import { CreatePushTables1795760000000 } from './migrations/1795760000000-create-push-tables';
import { PushChannelMuteRecord } from './push-channel-mute.record';
import { PushSettingRecord } from './push-setting.record';
import { PushSubscriptionRecord } from './push-subscription.record';

/** The push library's tables, for the shared data source. */
export const pushPersistence: PersistenceFeature = {
  entities: [PushSubscriptionRecord, PushChannelMuteRecord, PushSettingRecord],
  migrations: [CreatePushTables1795760000000],
};
