import 'reflect-metadata';
import { buildDataSourceOptions, loadConfig, runMigrationsExclusively } from '@webchat/platform';
import { DataSource } from 'typeorm';
import { PERSISTENCE_FEATURES } from './app.module';

/** `npm run migration:run`: applies pending migrations without starting the server. */
async function migrate(): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(loadConfig(), PERSISTENCE_FEATURES));
  await dataSource.initialize();
  const applied = await runMigrationsExclusively(dataSource);
  process.stdout.write(`${applied.length} migration(s) applied${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
  await dataSource.destroy();
}

migrate().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
