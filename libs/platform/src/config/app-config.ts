import type { RateLimitName } from '../kernel';

export type DatabaseKind = 'sqlite' | 'mysql';
/** Where chat messages live: SQLite's own file, the shared MySQL database, or MongoDB. */
export type MessageStoreKind = 'sqlite' | 'mysql' | 'mongo';
export type BusKind = 'memory' | 'kafka';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** At most `points` events per key in a window of `windowSeconds` (counted from the key's first event). */
export interface RateLimitRule {
  readonly points: number;
  readonly windowSeconds: number;
}

/** Every rate limit; null means switched off. */
export type RateLimitRules = Readonly<Record<RateLimitName, RateLimitRule | null>>;

export interface PushConfig {
  /** The VAPID key pair (base64url, raw P-256): both given, or neither (then generated once and kept in dataDir). */
  readonly vapidPublicKey?: string;
  readonly vapidPrivateKey?: string;
  /** Who runs this server, for push services: a mailto: or https: URL. */
  readonly vapidSubject: string;
  /** Accept http:// subscription endpoints on 127.0.0.1 (tests' local push service); https only otherwise. */
  readonly allowHttpLoopback: boolean;
  /** At most one notification per user and channel in this window; the messages of a burst become one. */
  readonly coalesceMs: number;
  /** How often the newly stored messages are looked at (members offline, muted) and due notifications sent. */
  readonly batchMs: number;
}

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
  /** The built web client (index.html and its assets), served at `/` when it is there. */
  readonly webDir!: string;
  readonly db!: DatabaseKind;
  /** Only set (and required) when db is mysql. */
  readonly mysqlUrl?: string;
  /** Follows db unless MESSAGE_STORE says otherwise. */
  readonly messageStore!: MessageStoreKind;
  /** Only set (and required) when messageStore is mongo. */
  readonly mongoUrl?: string;
  /** Unset means: generate one once and keep it in dataDir. */
  readonly jwtSecret?: string;
  /** memory: one process; kafka: cluster events (and later chat messages) between server nodes. */
  readonly bus!: BusKind;
  /** Only set (and required) when bus is kafka. */
  readonly kafkaBrokers?: readonly string[];
  /** The Kafka topic that carries every EventBus topic. */
  readonly kafkaEventsTopic!: string;
  /** Chat on Kafka: topics `<prefix>.messages` and `<prefix>.persisted`, persist group `<prefix>-persist`. */
  readonly kafkaChatPrefix!: string;
  /** Partitions of the chat topics when this node creates them (the persist stage's parallelism). */
  readonly kafkaChatPartitions!: number;
  readonly jwtExpiresInSeconds!: number;
  readonly logLevel!: LogLevel;
  readonly argon2MemoryKib!: number;
  readonly argon2TimeCost!: number;
  readonly rateLimits!: RateLimitRules;
  /** How many reverse proxies in front may set X-Forwarded-For (0: trust none; the socket's address is the client's). */
  readonly trustProxyHops!: number;
  /** Origins (scheme://host[:port]) of other sites allowed to call the API and open sockets; empty: same origin only. */
  readonly corsOrigins!: readonly string[];
  /** Open sockets one client address may hold at once (0: no bound); further handshakes are refused. */
  readonly socketConnectionsPerAddress!: number;
  /** `message:send` per user: a token bucket refilled at perSecond, holding burst (DESIGN §5). */
  readonly messageSendRate!: { readonly perSecond: number; readonly burst: number };
  /** The other socket events of a user (typing, message:read): a token bucket like messageSendRate. */
  readonly socketEventRate!: { readonly perSecond: number; readonly burst: number };
  /** How long a send waits for its message to be stored before answering UNAVAILABLE. */
  readonly messageAckTimeoutMs!: number;
  /** The most drafts the persist stage stores in one transaction. */
  readonly messageBatchMax!: number;
  /** Presence between nodes: heartbeat period, silence after which a node counts as dead, grace before offline. */
  readonly presence!: { readonly heartbeatMs: number; readonly nodeTimeoutMs: number; readonly offlineGraceMs: number };
  /** Web Push (README, Push notifications). */
  readonly push!: PushConfig;
  /** How often each node looks for due reserved transfers (0: this node never runs them). */
  readonly reservedTransfersIntervalMs!: number;
}
