import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { AppConfig, BusKind, DatabaseKind, LogLevel, MessageStoreKind, PushConfig, RateLimitRule, RateLimitRules } from './app-config';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const DATABASES: readonly DatabaseKind[] = ['sqlite', 'mysql'];
const BUSES: readonly BusKind[] = ['memory', 'kafka'];
const MESSAGE_STORES: readonly MessageStoreKind[] = ['sqlite', 'mysql', 'mongo'];

/** Reads and checks the environment; the defaults give the embedded setup (SQLite under ./data). */
export function loadConfig(env: Env = process.env): AppConfig {
  const db = oneOf(env, 'DB', DATABASES, 'sqlite');
  const mysqlUrl = optional(env, 'MYSQL_URL');
  if (db === 'mysql') {
    if (!mysqlUrl) throw new ConfigError('MYSQL_URL', 'is required when DB=mysql');
    if (!/^mysql:\/\/.+/.test(mysqlUrl)) {
      throw new ConfigError('MYSQL_URL', `must look like mysql://user:password@host:3306/database, got '${mysqlUrl}'`);
    }
  }
  const messageStore = oneOf(env, 'MESSAGE_STORE', MESSAGE_STORES, db);
  if (messageStore === 'mysql' && db !== 'mysql') throw new ConfigError('MESSAGE_STORE', 'can be mysql only when DB=mysql (it uses that database)');
  const bus = oneOf(env, 'BUS', BUSES, 'memory');
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  // A generated secret lives in one node's data folder: fine for development, never for production.
  if (jwtSecret === undefined && optional(env, 'NODE_ENV') === 'production') {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 characters, the same on every node)');
  }
  return new AppConfig({
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    nodeId: optional(env, 'NODE_ID') ?? `${hostname()}-${process.pid}`,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    webDir: resolve(optional(env, 'WEB_DIR') ?? 'apps/web/dist'),
    db,
    mysqlUrl: db === 'mysql' ? mysqlUrl : undefined,
    messageStore,
    mongoUrl: messageStore === 'mongo' ? mongoUrl(env) : undefined,
    jwtSecret,
    bus,
    kafkaBrokers: bus === 'kafka' ? kafkaBrokers(env) : undefined,
    kafkaEventsTopic: kafkaTopic(env, 'KAFKA_EVENTS_TOPIC', 'webchat.events'),
    kafkaChatPrefix: kafkaTopic(env, 'KAFKA_CHAT_PREFIX', 'chat'),
    kafkaChatPartitions: integer(env, 'KAFKA_CHAT_PARTITIONS', 6, 1, 1000),
    jwtExpiresInSeconds: integer(env, 'JWT_EXPIRES_IN', 86_400, 1, 365 * 86_400),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    argon2MemoryKib: integer(env, 'ARGON2_MEMORY_KIB', 19_456, 1_024, 4_194_304),
    argon2TimeCost: integer(env, 'ARGON2_TIME_COST', 2, 1, 20),
    rateLimits: rateLimits(env),
    trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    corsOrigins: corsOrigins(env),
    socketConnectionsPerAddress: integer(env, 'SOCKET_CONNECTIONS_PER_ADDRESS', 1_000, 0, 1_000_000),
    messageSendRate: {
      perSecond: integer(env, 'RATE_LIMIT_MESSAGE_PER_SECOND', 100, 1, 1_000_000),
      burst: integer(env, 'RATE_LIMIT_MESSAGE_BURST', 1_000, 1, 10_000_000),
    },
    socketEventRate: {
      perSecond: integer(env, 'RATE_LIMIT_SOCKET_EVENTS_PER_SECOND', 100, 1, 1_000_000),
      burst: integer(env, 'RATE_LIMIT_SOCKET_EVENTS_BURST', 500, 1, 10_000_000),
    },
    messageAckTimeoutMs: integer(env, 'MESSAGE_ACK_TIMEOUT_MS', 5_000, 100, 60_000),
    messageBatchMax: integer(env, 'MESSAGE_BATCH_MAX', 1_000, 1, 10_000),
    presence: {
      heartbeatMs: integer(env, 'PRESENCE_HEARTBEAT_MS', 5_000, 100, 60_000),
      nodeTimeoutMs: integer(env, 'PRESENCE_NODE_TIMEOUT_MS', 15_000, 300, 300_000),
      offlineGraceMs: integer(env, 'PRESENCE_OFFLINE_GRACE_MS', 3_000, 0, 60_000),
    },
    push: pushConfig(env),
    reservedTransfersIntervalMs: integer(env, 'RESERVED_TRANSFERS_INTERVAL_MS', 5_000, 0, 3_600_000),
  });
}

const VAPID_PUBLIC_KEY_BYTES = 65;
const VAPID_PRIVATE_KEY_BYTES = 32;

function pushConfig(env: Env): PushConfig {
  const vapidPublicKey = base64urlKey(env, 'VAPID_PUBLIC_KEY', VAPID_PUBLIC_KEY_BYTES);
  const vapidPrivateKey = base64urlKey(env, 'VAPID_PRIVATE_KEY', VAPID_PRIVATE_KEY_BYTES);
  if ((vapidPublicKey === undefined) !== (vapidPrivateKey === undefined)) {
    throw new ConfigError(vapidPublicKey === undefined ? 'VAPID_PUBLIC_KEY' : 'VAPID_PRIVATE_KEY', 'must be set together with the other VAPID key, or neither');
  }
  const vapidSubject = optional(env, 'VAPID_SUBJECT') ?? 'mailto:webchat@example.com';
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(vapidSubject)) {
    throw new ConfigError('VAPID_SUBJECT', `must be a mailto: address or an https: URL, got '${vapidSubject}'`);
  }
  return {
    vapidPublicKey,
    vapidPrivateKey,
    vapidSubject,
    allowHttpLoopback: flag(env, 'PUSH_ALLOW_HTTP_LOOPBACK', false),
    coalesceMs: integer(env, 'PUSH_COALESCE_MS', 5_000, 0, 3_600_000),
    batchMs: integer(env, 'PUSH_BATCH_MS', 250, 10, 60_000),
  };
}

/** A key in URL-safe base64 without padding that decodes to exactly `bytes` bytes. */
function base64urlKey(env: Env, name: string, bytes: number): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(raw) || Buffer.from(raw, 'base64url').length !== bytes) {
    throw new ConfigError(name, `must be ${bytes} bytes in URL-safe base64 (web-push generate-vapid-keys prints such keys)`);
  }
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(name, `must be true or false, got '${raw}'`);
  return raw === 'true';
}

function mongoUrl(env: Env): string {
  const url = optional(env, 'MONGO_URL');
  if (!url) throw new ConfigError('MONGO_URL', 'is required when MESSAGE_STORE=mongo');
  // The driver parses the rest (options, replica sets) when it connects; this catches a wrong variable.
  if (!/^mongodb(\+srv)?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) {
    throw new ConfigError('MONGO_URL', `must look like mongodb://user:password@host:27017/database, got '${url}'`);
  }
  return url;
}

/** `CORS_ORIGINS`: comma-separated origins, each exactly as a browser sends it in `Origin` (no path, no slash at the end). */
function corsOrigins(env: Env): string[] {
  const raw = optional(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((origin) => origin.trim());
  const bad = origins.find((origin) => !isOrigin(origin));
  if (bad !== undefined) throw new ConfigError('CORS_ORIGINS', `must be origins like https://chat.example.com[,http://localhost:5173…], got '${bad}'`);
  return origins;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function kafkaBrokers(env: Env): string[] {
  const raw = optional(env, 'KAFKA_BROKERS');
  if (!raw) throw new ConfigError('KAFKA_BROKERS', 'is required when BUS=kafka');
  const brokers = raw.split(',').map((broker) => broker.trim());
  const bad = brokers.find((broker) => !/^[^\s:/]+:\d{1,5}$/.test(broker));
  if (bad !== undefined) throw new ConfigError('KAFKA_BROKERS', `must be host:port[,host:port…], got '${raw}'`);
  return brokers;
}

function kafkaTopic(env: Env, name: string, fallback: string): string {
  const topic = optional(env, name) ?? fallback;
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(topic)) throw new ConfigError(name, `must be a Kafka topic name ([A-Za-z0-9._-], 1–249), got '${topic}'`);
  return topic;
}

const FIFTEEN_MINUTES = 900;
const ONE_DAY = 86_400;

/** The contract's defaults (DESIGN.md §5 Rate limits); a count of 0 switches a limit off. */
function rateLimits(env: Env): RateLimitRules {
  const loginWindow = integer(env, 'RATE_LIMIT_LOGIN_WINDOW_SECONDS', FIFTEEN_MINUTES, 1, ONE_DAY);
  const channelPasswordWindow = integer(env, 'RATE_LIMIT_CHANNEL_PASSWORD_WINDOW_SECONDS', FIFTEEN_MINUTES, 1, ONE_DAY);
  const failures = (name: string, fallback: number, windowSeconds: number): RateLimitRule | null => {
    const points = integer(env, name, fallback, 0, 1_000_000);
    return points === 0 ? null : { points, windowSeconds };
  };
  return {
    'login-failures-per-account': failures('RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT', 10, loginWindow),
    'login-failures-per-address': failures('RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS', 100, loginWindow),
    'channel-password-failures': failures('RATE_LIMIT_CHANNEL_PASSWORD_FAILURES', 10, channelPasswordWindow),
    'rest-requests-per-user': restRequests(env),
  };
}

/**
 * "rate per second with bursts of burst" as one fixed window of `burst` requests lasting
 * burst / rate seconds: a user may spend the whole burst at once, and averages at most
 * `rate` per second over every window (see README, Rate limits).
 */
function restRequests(env: Env): RateLimitRule | null {
  const perSecond = integer(env, 'RATE_LIMIT_REST_PER_SECOND', 100, 0, 1_000_000);
  const burst = integer(env, 'RATE_LIMIT_REST_BURST', 500, 1, 10_000_000);
  if (perSecond === 0) return null;
  if (burst < perSecond) {
    throw new ConfigError('RATE_LIMIT_REST_BURST', `must be at least RATE_LIMIT_REST_PER_SECOND (${perSecond}), got '${burst}'`);
  }
  return { points: burst, windowSeconds: burst / perSecond };
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got '${raw}'`);
  }
  return raw as T;
}
