import 'reflect-metadata';
import { buildDataSourceOptions, loadConfig } from '@webchat/platform';
import { DataSource } from 'typeorm';
import { PERSISTENCE_FEATURES } from './app.module';

/** `npm run migration:run`: applies pending migrations without starting the server. */
async function migrate(): Promise<void> {
  // migrationsRun off: this command runs them itself, to report what it applied.
  const dataSource = new DataSource({ ...buildDataSourceOptions(loadConfig(), PERSISTENCE_FEATURES), migrationsRun: false });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(`${applied.length} migration(s) applied${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
  await dataSource.destroy();
}

migrate().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
