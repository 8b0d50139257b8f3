import type { RateLimitName } from '../kernel';

export type DatabaseKind = 'sqlite' | 'mysql';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** At most `points` events per key in a window of `windowSeconds` (counted from the key's first event). */
export interface RateLimitRule {
  readonly points: number;
  readonly windowSeconds: number;
}

/** Every rate limit; null means switched off. */
export type RateLimitRules = Readonly<Record<RateLimitName, RateLimitRule | null>>;

/**
 * The one validated configuration object. Provided globally by ConfigModule and
 * injected by class, so every consumer sees the same checked values.
 */
export class AppConfig {
  constructor(values: AppConfig) {
    Object.assign(this, values);
  }

  readonly port!: number;
  readonly host!: string;
  readonly nodeId!: string;
  /** Folder for the SQLite file and the generated JWT secret. */
  readonly dataDir!: string;
  readonly db!: DatabaseKind;
  /** Only set (and required) when db is mysql. */
  readonly mysqlUrl?: string;
  /** Unset means: generate one once and keep it in dataDir. */
  readonly jwtSecret?: string;
  readonly jwtExpiresInSeconds!: number;
  readonly logLevel!: LogLevel;
  readonly argon2MemoryKib!: number;
  readonly argon2TimeCost!: number;
  readonly rateLimits!: RateLimitRules;
  /** How many reverse proxies in front may set X-Forwarded-For (0: trust none; the socket's address is the client's). */
  readonly trustProxyHops!: number;
  /** How often each node looks for due reserved transfers (0: this node never runs them). */
  readonly reservedTransfersIntervalMs!: number;
}
