import type { PersistenceFeature } from '@webchat/platform';
import { ChannelMemberRecord } from './channel-member.record';
import { ChannelRecord } from './channel.record';
import { CreateChannels1763856000100 } from './migrations/1763856000100-create-channels';
import { BinaryChannelIds1795437800100 } from './migrations/1795437800100-binary-channel-ids';
import { WidenFoldedNames1795437800300 } from './migrations/1795437800300-widen-folded-names';

/** The channel library's tables, for the shared data source. */
export const channelPersistence: PersistenceFeature = {
  entities: [ChannelRecord, ChannelMemberRecord],
  migrations: [CreateChannels1763856000100, BinaryChannelIds1795437800100, WidenFoldedNames1795437800300],
};
