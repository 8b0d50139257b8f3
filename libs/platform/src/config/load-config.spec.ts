import { loadConfig } from './load-config';
import { ConfigError } from './config-error';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.db).toBe('sqlite');
    expect(config.mysqlUrl).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
    expect(config.jwtExpiresInSeconds).toBe(86_400);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.bus).toBe('memory');
    expect(config.kafkaBrokers).toBeUndefined();
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

  it('accepts a Kafka bus with several brokers', () => {
    const config = loadConfig({ BUS: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:19092', KAFKA_EVENTS_TOPIC: 'events.test' });
    expect(config.bus).toBe('kafka');
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', 'kafka-2:19092']);
    expect(config.kafkaEventsTopic).toBe('events.test');
  });
});
