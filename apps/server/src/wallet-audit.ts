import 'reflect-metadata';
import { buildDataSourceOptions, loadConfig, runMigrationsExclusively, SqlTransactions } from '@webchat/platform';
import { AuditWallets, formatAuditReport, TypeormWalletAudit } from '@webchat/wallet';
import { DataSource } from 'typeorm';
import { PERSISTENCE_FEATURES } from './app.module';

/** `npm run wallet:audit`: checks that money is conserved; exits 1 with the problems when it is not. */
async function audit(): Promise<number> {
  const dataSource = new DataSource(buildDataSourceOptions(loadConfig(), PERSISTENCE_FEATURES));
  await dataSource.initialize();
  // The schema the server would make at start-up, so a database it never ran on audits as empty.
  await runMigrationsExclusively(dataSource);
  try {
    const report = await new AuditWallets(new TypeormWalletAudit(new SqlTransactions(dataSource))).execute();
    (report.ok ? process.stdout : process.stderr).write(formatAuditReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

audit().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(2);
  },
);
