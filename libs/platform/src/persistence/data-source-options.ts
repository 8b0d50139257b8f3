import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PersistenceFeature } from './persistence-feature';

export const SQLITE_FILE = 'webchat.sqlite';

/**
 * One TypeORM data source for SQLite (embedded default) or MySQL. The schema
 * always comes from versioned migrations, run at start-up; never `synchronize`.
 */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'db' | 'dataDir' | 'mysqlUrl'>,
  features: readonly PersistenceFeature[],
): DataSourceOptions {
  const common = {
    entities: features.flatMap((feature) => feature.entities),
    migrations: features.flatMap((feature) => feature.migrations),
    // Run by runMigrationsExclusively (under a lock on MySQL) right after connecting.
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;
  if (config.db === 'mysql') {
    return { ...common, ...mysqlOptions(config.mysqlUrl ?? '') };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return { ...common, ...sqliteOptions(join(config.dataDir, SQLITE_FILE)) };
}

export function sqliteOptions(database: string) {
  return {
    type: 'better-sqlite3' as const,
    database,
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }): void => {
      // Wait for a competing writer instead of failing at once.
      db.pragma('busy_timeout = 5000');
      // A commit survives a power cut, not only a crash of the process (DESIGN §1): better-sqlite3's WAL default is NORMAL.
      db.pragma('synchronous = FULL');
    },
  };
}

export function mysqlOptions(url: string) {
  return {
    type: 'mysql' as const,
    url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  };
}
