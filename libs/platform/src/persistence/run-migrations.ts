import type { DataSource, Migration } from 'typeorm';

const MIGRATION_LOCK = 'webchat_migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Applies pending migrations, one node at a time: server nodes started together on one
 * MySQL database would otherwise run the same CREATE TABLE at once (MySQL's DDL commits
 * on its own, so no transaction keeps them apart). A named lock held on one connection
 * makes the others wait, then find nothing left to do. SQLite has one writer anyway.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'mysql') return dataSource.runMigrations({ transaction: 'each' });
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    const [{ locked }] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS locked', [MIGRATION_LOCK, LOCK_WAIT_SECONDS]);
    if (Number(locked) !== 1) throw new Error(`another node held the migration lock for over ${LOCK_WAIT_SECONDS} s`);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockHolder.release();
  }
}
