/**
 * `npm run infra:up -- <service…>`: installs (when missing) and starts each named
 * test server on 127.0.0.1, reusing one this clone already started, and writes
 * the settings to .infra/env. `npm run infra:down [-- <service…>]` stops exactly
 * the processes `up` started. INFRA.md (shared) says how each server is had.
 */
import { log } from './infra-log';
import { ENV_FILE } from './infra-paths';
import { InfraState, readState, writeState } from './infra-state';
import { isAlive, stopProcess } from './process-control';
import { SERVICES } from './services';
import { InfraService } from './services/service';

async function up(names: string[]): Promise<void> {
  const state = readState();
  for (const service of pick(names)) {
    const started = Date.now();
    const recorded = state[service.name];
    if (recorded && (await service.reuse(recorded))) {
      log(`${service.name}: already up, reused`);
      continue;
    }
    if (recorded) await stop(service, state);
    state[service.name] = await service.start();
    writeState(state);
    log(`${service.name}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  writeState(state);
  printEnv(state);
}

async function down(names: string[]): Promise<void> {
  const state = readState();
  const chosen = names.length === 0 ? SERVICES.filter((service) => state[service.name]) : pick(names);
  for (const service of chosen) {
    if (!state[service.name]) continue;
    await stop(service, state);
    writeState(state);
  }
  printEnv(state);
}

async function stop(service: InfraService, state: InfraState): Promise<void> {
  const record = state[service.name];
  if (record.pid && isAlive(record.pid)) {
    log(`${service.name}: stopping process ${record.pid}`);
    await stopProcess(record.pid);
  }
  service.cleanUp?.(record);
  delete state[service.name];
}

function pick(names: string[]): InfraService[] {
  return names.map((name) => {
    const service = SERVICES.find((candidate) => candidate.name === name);
    if (!service) throw new Error(`unknown service '${name}'; known: ${SERVICES.map((s) => s.name).join(', ')}`);
    return service;
  });
}

function printEnv(state: InfraState): void {
  const lines = Object.values(state).flatMap((record) => Object.entries(record.env).map(([key, value]) => `${key}=${value}`));
  log(lines.length > 0 ? `settings in ${ENV_FILE}:\n${lines.map((line) => `  ${line}`).join('\n')}` : `nothing is up (${ENV_FILE} is empty)`);
}

function usage(): never {
  const services = SERVICES.map((service) => `  ${service.name.padEnd(11)} ${service.description}`).join('\n');
  process.stderr.write(`usage: npm run infra:up -- <service…>   |   npm run infra:down [-- <service…>]\nservices:\n${services}\n`);
  process.exit(2);
}

const [command, ...names] = process.argv.slice(2);
const work = command === 'up' && names.length > 0 ? up(names) : command === 'down' ? down(names) : usage();
work.catch((error: unknown) => {
  process.stderr.write(`infra: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
