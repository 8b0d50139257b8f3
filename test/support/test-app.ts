import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@webchat/platform';
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { createApp, startApp } from '../../apps/server/src/create-app';
import { recordAnswersForOpenApi } from './openapi-response-check';
import { recordServedRoutes, ServedRoute } from './served-routes';

export const TEST_JWT_SECRET = 'e2e-secret-0123456789-0123456789-0123456789';

/** One parsed pino line (`level` 50 is error, 40 warn, 30 info). */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** The app's log lines, when started with `captureLogs` (empty otherwise). */
  logs: LogLine[];
  /** The routes the controllers registered (see served-routes.ts). */
  routes: ServedRoute[];
  /** http://127.0.0.1:<port> when started with `listen` (socket.io clients need a real port). */
  url: string;
  /** The settings it was started with, to start another node like it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Keep the log lines (from level info, unless env sets LOG_LEVEL) in `logs` instead of printing them. */
  captureLogs?: boolean;
  /** Listen on a free port of 127.0.0.1 (for socket.io clients). */
  listen?: boolean;
}

/** The real server (real HTTP, SQLite file in a temp folder unless env says otherwise), not listening on a port. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'webchat-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: options.captureLogs ? 'info' : process.env.LOG_LEVEL,
    ARGON2_MEMORY_KIB: process.env.ARGON2_MEMORY_KIB,
    ARGON2_TIME_COST: process.env.ARGON2_TIME_COST,
    // Offline at once when the last socket goes (the grace has its own test in cluster-presence.adapter.spec.ts).
    PRESENCE_OFFLINE_GRACE_MS: '0',
    ...env,
  });
  const logs: LogLine[] = [];
  const capture = { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) };
  const app = await createApp(config, options.captureLogs ? capture : undefined);
  const routes = recordServedRoutes(app);
  const answers = recordAnswersForOpenApi(app);
  await startApp(app);
  let url = '';
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  } else {
    // Fastify answers only once ready (listen() does it otherwise); supertest then uses its server.
    await (app.getHttpAdapter().getInstance() as FastifyInstance).ready();
  }
  return {
    app,
    http: request(app.getHttpServer()),
    logs,
    routes,
    url,
    env,
    close: async () => {
      // Every answer this app gave must be one its OpenAPI document promises.
      const violations = await answers.violations();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (violations.length > 0) throw new Error(`answers that /docs-json does not document:\n${violations.join('\n')}`);
    },
  };
}

let userCounter = 0;

export interface SignedInUser {
  id: string;
  email: string;
  username: string;
  password: string;
  token: string;
}

/** Signs a fresh user up and logs them in through the public API. */
export async function signedInUser(http: TestApp['http'], username = 'Tester'): Promise<SignedInUser> {
  userCounter += 1;
  const email = `user${userCounter}.${process.pid}@example.com`;
  const password = 'password-123';
  const signup = await http.post('/api/auth/signup').send({ email, username, password }).expect(201);
  const login = await http.post('/api/auth/login').send({ email, password }).expect(200);
  return { id: signup.body.id, email, username, password, token: login.body.accessToken };
}
