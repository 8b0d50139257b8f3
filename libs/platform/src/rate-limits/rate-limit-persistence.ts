import type { PersistenceFeature } from '../persistence/persistence-feature';
import { CreateRateLimits1795437800400 } from './migrations/1795437800400-create-rate-limits';

/** The platform's own table (MySQL only): shared rate-limit counters. */
export const rateLimitPersistence: PersistenceFeature = {
  entities: [],
  migrations: [CreateRateLimits1795437800400],
};
