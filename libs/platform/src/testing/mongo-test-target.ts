import { randomBytes } from 'node:crypto';

/**
 * Where the MongoDB test server is (MONGO_URL, from the environment or .infra/env), what it
 * is, and whether the jest global setup found it answering. No MongoDB server can be installed
 * from this machine's package registries, so infra:up starts none and CI runs without one: the
 * Mongo suites then skip with a line that says so. WEBCHAT_REQUIRE_MONGO=1 turns a missing or
 * silent server into a failed run.
 */
export const MONGO_AVAILABLE_FLAG = 'WEBCHAT_MONGO_AVAILABLE';
export const REQUIRE_MONGO_FLAG = 'WEBCHAT_REQUIRE_MONGO';
/** Set by the global setup from the server's buildInfo, e.g. "MongoDB 7.0.14" or "FerretDB v1.24.1 (MongoDB wire protocol)". */
export const MONGO_SERVER_NAME = 'MONGO_SERVER_NAME';

export const NO_MONGO_ON_THIS_MACHINE = 'no MongoDB server can be installed on this machine (none in its package registries); set MONGO_URL to run it';

export function mongoTestUrl(): string | undefined {
  return process.env.MONGO_URL?.trim() || undefined;
}

export function isMongoAvailable(): boolean {
  return process.env[MONGO_AVAILABLE_FLAG] === '1';
}

/** The test server's URL with a database of its own for one test (dropped by whoever uses it). */
export function mongoTestDatabaseUrl(): string {
  const url = mongoTestUrl();
  if (url === undefined) throw new Error(`MONGO_URL is not set: ${NO_MONGO_ON_THIS_MACHINE}`);
  return withDatabase(url, `webchat_test_${process.pid}_${randomBytes(4).toString('hex')}`);
}

/** Replaces (or adds) the database part of a mongodb:// URL, keeping hosts and options. */
export function withDatabase(url: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a mongodb:// URL: ${url}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/** `describe` on the MongoDB test server when it answers, its name in the title; a visible skip otherwise. */
export function describeOnMongo(name: string, body: () => void): void {
  if (isMongoAvailable()) {
    describe(`${name} [${process.env[MONGO_SERVER_NAME] ?? 'MongoDB'}]`, body);
    return;
  }
  const url = mongoTestUrl();
  const why = url === undefined ? NO_MONGO_ON_THIS_MACHINE : `no server answered at ${url.replace(/\/\/[^@/]*@/, '//')}`;
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" on MongoDB: ${why}`);
  describe.skip(`${name} [mongodb: ${url === undefined ? 'MONGO_URL not set' : 'not reachable'}, skipped]`, body);
}
