import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { mysqlOptions, sqliteOptions } from '../persistence/data-source-options';
import { PersistenceFeature } from '../persistence/persistence-feature';
import { SqlTransactions } from '../persistence/sql-transactions';
import { mysqlTestUrl } from './mysql-test-target';

/** A migrated data source plus the way to throw it away. */
export interface TestDataSource {
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export type TestDatabase = 'sqlite' | 'mysql';

export function openTestDataSource(kind: TestDatabase, features: PersistenceFeature[]): Promise<TestDataSource> {
  return kind === 'mysql' ? openMysqlDataSource(features) : openSqliteDataSource(features);
}

/** An in-memory SQLite database with every migration applied. */
export async function openSqliteDataSource(features: PersistenceFeature[]): Promise<TestDataSource> {
  const dataSource = await migrated(new DataSource({ ...sqliteOptions(':memory:'), ...parts(features) }));
  return { dataSource, close: () => dataSource.destroy() };
}

/** A fresh schema on the MySQL test server, migrated, dropped on close. */
export async function openMysqlDataSource(features: PersistenceFeature[]): Promise<TestDataSource> {
  const schema = await createMysqlSchema();
  const dataSource = await migrated(new DataSource({ ...mysqlOptions(schema.url), ...parts(features) }));
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await schema.drop();
    },
  };
}

/** Creates an empty schema on the MySQL test server (or the one at `serverUrl`) and returns its URL; the caller drops it. */
export async function createMysqlSchema(serverUrl = mysqlTestUrl()): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `webchat_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = new URL(serverUrl);
  await withServer(server, (sql) => sql.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const url = new URL(server);
  url.pathname = `/${schema}`;
  return {
    url: url.toString(),
    drop: () => withServer(server, (sql) => sql.query(`DROP DATABASE IF EXISTS \`${schema}\``)).then(() => undefined),
  };
}

function parts(features: PersistenceFeature[]) {
  return {
    entities: features.flatMap((feature) => feature.entities),
    migrations: features.flatMap((feature) => feature.migrations),
    synchronize: false,
    logging: false,
  };
}

async function migrated(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

async function withServer<T>(server: URL, work: (sql: Awaited<ReturnType<typeof createConnection>>) => Promise<T>) {
  const sql = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * A contract-suite factory for a TypeORM store: each call opens a migrated
 * database of `kind` and builds the store on it the way its module does.
 */
export function typeormStoreFixture<S>(
  kind: TestDatabase,
  features: PersistenceFeature[],
  build: (dataSource: DataSource, transactions: SqlTransactions) => S,
): () => Promise<{ store: S; transactions: SqlTransactions; close(): Promise<void> }> {
  return async () => {
    const { dataSource, close } = await openTestDataSource(kind, features);
    const transactions = new SqlTransactions(dataSource);
    return { store: build(dataSource, transactions), transactions, close };
  };
}
