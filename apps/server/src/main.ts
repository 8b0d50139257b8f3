import 'reflect-metadata';
import { ConfigError, loadConfig } from '@webchat/platform';
import { createApp, startApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await startApp(app);
  await app.listen(config.port, config.host);
  const base = `http://localhost:${config.port}`;
  const store = `${config.db === 'sqlite' ? `SQLite in ${config.dataDir}` : 'MySQL'}${config.messageStore === 'mongo' ? ', messages on MongoDB' : ''}`;
  const bus = config.bus === 'kafka' ? `Kafka at ${config.kafkaBrokers?.join(',')}` : 'in-process';
  process.stdout.write(
    [
      `WebChat is running on ${base} (node ${config.nodeId}, store: ${store}, bus: ${bus})`,
      `  Web      ${base}/  (the browser client)`,
      `  API      ${base}/api`,
      `  Docs     ${base}/docs  (OpenAPI: ${base}/docs-json)`,
      `  Metrics  ${base}/metrics`,
      `  Health   ${base}/health`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  // A bad setting stops start-up with one clear line naming the variable.
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
