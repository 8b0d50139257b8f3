import type { PersistenceFeature } from '@webchat/platform';
import { CreateUsers1763856000000 } from './migrations/1763856000000-create-users';
import { BinaryUserIds1795437800000 } from './migrations/1795437800000-binary-user-ids';
import { TokenRevocations1795500000000 } from './migrations/1795500000000-token-revocations';
import { RevokedTokenRecord } from './revoked-token.record';
import { UserRecord } from './user.record';

/** The user library's tables, for the shared data source. */
export const userPersistence: PersistenceFeature = {
  entities: [UserRecord, RevokedTokenRecord],
  migrations: [CreateUsers1763856000000, BinaryUserIds1795437800000, TokenRevocations1795500000000],
};
