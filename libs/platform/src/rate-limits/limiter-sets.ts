import { RateLimiterMemory, RateLimiterMySQL } from 'rate-limiter-flexible';
import type { RateLimitRule, RateLimitRules } from '../config/app-config';
import type { RateLimitName } from '../kernel';
import { RATE_LIMITS_TABLE } from './migrations/1795437800400-create-rate-limits';
import { leaseSizeFor, PointCounter, PointLeases } from './point-leases';

/** One rate-limiter-flexible counter per configured limit; a switched-off limit has none. */
export type LimiterSet = Partial<Record<RateLimitName, PointCounter>>;

/** Where a MySQL limiter keeps its counts: TypeORM's mysql2 pool and the app's database. */
export interface MysqlLimiterStore {
  readonly pool: unknown;
  readonly database: string;
}

/** Counts in this process (the embedded mode: one process). */
export function memoryLimiters(rules: RateLimitRules): LimiterSet {
  return limitersFor(rules, (name, rule) => new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.windowSeconds }));
}

/**
 * Counts in the rate_limits table, shared by every node. A key over its limit is also blocked
 * in this process until its window ends, so a flood costs the database nothing more; if the
 * database fails, this process counts alone meanwhile (insurance limiter). REST requests, the
 * one limit counted on every request, take their points in leases (see PointLeases).
 */
export function mysqlLimiters(rules: RateLimitRules, store: MysqlLimiterStore): LimiterSet {
  return limitersFor(rules, (name, rule) => {
    const shared = new RateLimiterMySQL({
      storeClient: store.pool,
      storeType: 'pool',
      dbName: store.database,
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      keyPrefix: name,
      points: rule.points,
      duration: rule.windowSeconds,
      inMemoryBlockOnConsumed: rule.points + 1,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.windowSeconds }),
    });
    return name === 'rest-requests-per-user' ? new PointLeases(shared, leaseSizeFor(rule.points)) : shared;
  });
}

function limitersFor(rules: RateLimitRules, make: (name: RateLimitName, rule: RateLimitRule) => PointCounter): LimiterSet {
  const limiters: LimiterSet = {};
  for (const [name, rule] of Object.entries(rules) as [RateLimitName, RateLimitRule | null][]) {
    if (rule) limiters[name] = make(name, rule);
  }
  return limiters;
}
