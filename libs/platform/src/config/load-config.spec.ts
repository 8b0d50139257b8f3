import { loadConfig } from './load-config';
import { ConfigError } from './config-error';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.db).toBe('sqlite');
    expect(config.mysqlUrl).toBeUndefined();
    expect(config.messageStore).toBe('sqlite');
    expect(config.mongoUrl).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
    expect(config.jwtExpiresInSeconds).toBe(86_400);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.bus).toBe('memory');
    expect(config.kafkaBrokers).toBeUndefined();
    expect(config.trustProxyHops).toBe(0);
    expect(config.corsOrigins).toEqual([]);
    expect(config.socketConnectionsPerAddress).toBe(1_000);
    expect(config.socketEventRate).toEqual({ perSecond: 100, burst: 500 });
    expect(config.reservedTransfersIntervalMs).toBe(5_000);
  });

  it('requires JWT_SECRET when NODE_ENV=production, and keeps the generated default otherwise', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: JWT_SECRET is required when NODE_ENV=production/);
    const secret = 'a'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toBeUndefined();
  });

  it('reads the CORS allow-list as exact origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://chat.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://chat.example.com',
      'http://localhost:5173',
    ]);
  });

  it('reads the reserved-transfer interval, 0 switching the job off on this node', () => {
    expect(loadConfig({ RESERVED_TRANSFERS_INTERVAL_MS: '250' }).reservedTransfersIntervalMs).toBe(250);
    expect(loadConfig({ RESERVED_TRANSFERS_INTERVAL_MS: '0' }).reservedTransfersIntervalMs).toBe(0);
  });

  it('gives push defaults: generated VAPID keys, https endpoints only, 5 s coalescing', () => {
    expect(loadConfig({}).push).toEqual({
      vapidPublicKey: undefined,
      vapidPrivateKey: undefined,
      vapidSubject: 'mailto:webchat@example.com',
      allowHttpLoopback: false,
      coalesceMs: 5_000,
      batchMs: 250,
    });
  });

  it('takes a VAPID key pair only whole and well-formed, and a mailto: or https: subject', () => {
    const publicKey = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
    const privateKey = Buffer.alloc(32, 9).toString('base64url');
    const push = loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'https://chat.example.com', PUSH_ALLOW_HTTP_LOOPBACK: 'true' }).push;
    expect(push).toMatchObject({ vapidPublicKey: publicKey, vapidPrivateKey: privateKey, vapidSubject: 'https://chat.example.com', allowHttpLoopback: true });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ VAPID_PRIVATE_KEY: privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey.slice(2), VAPID_PRIVATE_KEY: privateKey })).toThrow(/VAPID_PUBLIC_KEY.*65 bytes/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: `${privateKey}!` })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://chat.example.com' })).toThrow(/VAPID_SUBJECT/);
    expect(() => loadConfig({ PUSH_ALLOW_HTTP_LOOPBACK: 'yes' })).toThrow(/PUSH_ALLOW_HTTP_LOOPBACK/);
    expect(() => loadConfig({ PUSH_BATCH_MS: '0' })).toThrow(/PUSH_BATCH_MS/);
  });

  it('gives the contract\'s rate limits by default', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      'login-failures-per-account': { points: 10, windowSeconds: 900 },
      'login-failures-per-address': { points: 100, windowSeconds: 900 },
      'channel-password-failures': { points: 10, windowSeconds: 900 },
      'rest-requests-per-user': { points: 500, windowSeconds: 5 },
    });
  });

  it('reads every rate limit, and switches one off with 0', () => {
    const config = loadConfig({
      RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '3',
      RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '0',
      RATE_LIMIT_LOGIN_WINDOW_SECONDS: '60',
      RATE_LIMIT_CHANNEL_PASSWORD_FAILURES: '4',
      RATE_LIMIT_CHANNEL_PASSWORD_WINDOW_SECONDS: '30',
      RATE_LIMIT_REST_PER_SECOND: '2',
      RATE_LIMIT_REST_BURST: '5',
      TRUST_PROXY_HOPS: '1',
    });
    expect(config.rateLimits).toEqual({
      'login-failures-per-account': { points: 3, windowSeconds: 60 },
      'login-failures-per-address': null,
      'channel-password-failures': { points: 4, windowSeconds: 30 },
      'rest-requests-per-user': { points: 5, windowSeconds: 2.5 },
    });
    expect(config.trustProxyHops).toBe(1);
    expect(loadConfig({ RATE_LIMIT_REST_PER_SECOND: '0' }).rateLimits['rest-requests-per-user']).toBeNull();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DB: 'postgres' }, 'DB'],
    [{ DB: 'mysql' }, 'MYSQL_URL'],
    [{ DB: 'mysql', MYSQL_URL: 'http://x' }, 'MYSQL_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ JWT_EXPIRES_IN: '-5' }, 'JWT_EXPIRES_IN'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BUS: 'redis' }, 'BUS'],
    [{ BUS: 'kafka' }, 'KAFKA_BROKERS'],
    [{ BUS: 'kafka', KAFKA_BROKERS: 'kafka://broker:9092' }, 'KAFKA_BROKERS'],
    [{ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092,' }, 'KAFKA_BROKERS'],
    [{ KAFKA_EVENTS_TOPIC: 'events/with slash' }, 'KAFKA_EVENTS_TOPIC'],
    [{ RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: 'ten' }, 'RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT'],
    [{ RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '-1' }, 'RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS'],
    [{ RATE_LIMIT_LOGIN_WINDOW_SECONDS: '0' }, 'RATE_LIMIT_LOGIN_WINDOW_SECONDS'],
    [{ RATE_LIMIT_CHANNEL_PASSWORD_FAILURES: '1.5' }, 'RATE_LIMIT_CHANNEL_PASSWORD_FAILURES'],
    [{ RATE_LIMIT_CHANNEL_PASSWORD_WINDOW_SECONDS: '100000' }, 'RATE_LIMIT_CHANNEL_PASSWORD_WINDOW_SECONDS'],
    [{ RATE_LIMIT_REST_PER_SECOND: 'fast' }, 'RATE_LIMIT_REST_PER_SECOND'],
    [{ RESERVED_TRANSFERS_INTERVAL_MS: 'often' }, 'RESERVED_TRANSFERS_INTERVAL_MS'],
    [{ RATE_LIMIT_REST_BURST: '0' }, 'RATE_LIMIT_REST_BURST'],
    [{ RATE_LIMIT_REST_PER_SECOND: '100', RATE_LIMIT_REST_BURST: '99' }, 'RATE_LIMIT_REST_BURST'],
    [{ TRUST_PROXY_HOPS: 'yes' }, 'TRUST_PROXY_HOPS'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://chat.example.com/' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'chat.example.com' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example.com,,https://b.example.com' }, 'CORS_ORIGINS'],
    [{ SOCKET_CONNECTIONS_PER_ADDRESS: 'many' }, 'SOCKET_CONNECTIONS_PER_ADDRESS'],
    [{ RATE_LIMIT_SOCKET_EVENTS_PER_SECOND: '0' }, 'RATE_LIMIT_SOCKET_EVENTS_PER_SECOND'],
    [{ RATE_LIMIT_SOCKET_EVENTS_BURST: 'lots' }, 'RATE_LIMIT_SOCKET_EVENTS_BURST'],
    [{ MESSAGE_STORE: 'redis' }, 'MESSAGE_STORE'],
    [{ MESSAGE_STORE: 'mysql' }, 'MESSAGE_STORE'],
    [{ MESSAGE_STORE: 'mongo' }, 'MONGO_URL'],
    [{ MESSAGE_STORE: 'mongo', MONGO_URL: 'mysql://127.0.0.1:27017/chat' }, 'MONGO_URL'],
    [{ MESSAGE_STORE: 'mongo', MONGO_URL: 'mongodb://' }, 'MONGO_URL'],
    [{ MESSAGE_STORE: 'mongo', MONGO_URL: 'mongodb://host :27017/chat' }, 'MONGO_URL'],
  ])('rejects %p naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('accepts a MySQL setup', () => {
    const config = loadConfig({ DB: 'mysql', MYSQL_URL: 'mysql://root@127.0.0.1:3306/webchat', PORT: '8080' });
    expect(config.db).toBe('mysql');
    expect(config.mysqlUrl).toBe('mysql://root@127.0.0.1:3306/webchat');
    expect(config.port).toBe(8080);
  });

  it('keeps messages in the database DB names unless MESSAGE_STORE says otherwise', () => {
    const mysql = { DB: 'mysql', MYSQL_URL: 'mysql://root@127.0.0.1:3306/webchat' };
    expect(loadConfig(mysql).messageStore).toBe('mysql');
    expect(loadConfig({ ...mysql, MESSAGE_STORE: 'sqlite' }).messageStore).toBe('sqlite');
    const mongo = loadConfig({ ...mysql, MESSAGE_STORE: 'mongo', MONGO_URL: 'mongodb://chat:secret@db-1:27017,db-2:27017/webchat?replicaSet=rs0' });
    expect(mongo).toMatchObject({ db: 'mysql', messageStore: 'mongo', mongoUrl: 'mongodb://chat:secret@db-1:27017,db-2:27017/webchat?replicaSet=rs0' });
    expect(loadConfig({ MESSAGE_STORE: 'mongo', MONGO_URL: 'mongodb+srv://cluster.example.net/webchat' }).mongoUrl).toBe('mongodb+srv://cluster.example.net/webchat');
    // MONGO_URL is read only for the Mongo store: a leftover value elsewhere is not used.
    expect(loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:27017/webchat' }).mongoUrl).toBeUndefined();
  });

  it('accepts a Kafka bus with several brokers', () => {
    const config = loadConfig({ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:19092', KAFKA_EVENTS_TOPIC: 'events.test' });
    expect(config.bus).toBe('kafka');
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', 'kafka-2:19092']);
    expect(config.kafkaEventsTopic).toBe('events.test');
  });
});
