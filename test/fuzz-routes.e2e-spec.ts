import { STATUS_CODES } from 'node:http';
import fc from 'fast-check';
import { buildWorld, World } from './support/api-world';
import { assertReplayable, FUZZ_RUNS, reportFuzzRun, seedOf } from './support/fuzz-settings';
import { ApiDocument, apiDocument, DocumentedRoute, documentedRoutes, routesWithoutRow } from './support/openapi-routes';
import { FuzzRequest, idsOfWorld, ROUTE_INPUTS, RouteFuzz } from './support/route-fuzz';
import { LogLine, SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

/** A request that takes longer is a hung one. */
const REQUEST_DEADLINE_MS = 10_000;
/** Limits off, so the fuzz reaches the use cases instead of a 429. */
const NO_RATE_LIMITS = {
  RATE_LIMIT_REST_PER_SECOND: '0',
  RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: '0',
  RATE_LIMIT_LOGIN_FAILURES_PER_ADDRESS: '0',
  RATE_LIMIT_CHANNEL_PASSWORD_FAILURES: '0',
};

/**
 * Every route of /docs-json under random input, as real users of a real world (channels,
 * wallets, a reserved transfer) and unauthenticated: never a 5xx, a 4xx always with the
 * contract's error body, never a request that hangs, never an error logged.
 */
describe('every documented route under random input (HTTP, SQLite)', () => {
  let t: TestApp;
  let document: ApiDocument;
  let routes: DocumentedRoute[];

  beforeAll(async () => {
    t = await startTestApp(NO_RATE_LIMITS, { captureLogs: true });
    document = await apiDocument(t);
    routes = documentedRoutes(document);
  });
  afterAll(() => t.close());

  it('has a row of inputs for every route of the document', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routesWithoutRow(routes, ROUTE_INPUTS)).toEqual([]);
  });

  async function send(request: FuzzRequest, token: string) {
    let call = t.http[request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](request.url).timeout({ deadline: REQUEST_DEADLINE_MS });
    if (request.token !== 'none') call = call.set('authorization', request.token === 'valid' ? `Bearer ${token}` : 'Bearer x.y.z');
    for (const [name, value] of Object.entries(request.headers)) call = call.set(name, value);
    if (request.body === null) return call;
    if (request.contentType !== null) return call.set('content-type', request.contentType).send(request.body);
    // superagent would type a string body as a form; the header goes after send().
    return call.send(request.body).unset('Content-Type');
  }

  let cases = 0;
  /** Statuses seen per route, to show (and check) that the fuzz got past validation too. */
  const statuses = new Map<string, Map<number, number>>();
  const count = (key: string, status: number) => {
    const seen = statuses.get(key) ?? new Map<number, number>();
    seen.set(status, (seen.get(status) ?? 0) + 1);
    statuses.set(key, seen);
  };
  // One test per row (the test above ties the rows to the document), each with a world of its own:
  // the routes that leave, delete or spend do not thin out the next one's.
  it.each(Object.keys(ROUTE_INPUTS))('%s never answers 5xx or hangs, and answers every 4xx with the error body', async (key) => {
    const route = routes.find((documented) => documented.key === key);
    if (!route) throw new Error(`${key} has a row in ROUTE_INPUTS but is not in /docs-json`);
    const inputs = ROUTE_INPUTS[key];
    const world: World = await buildWorld(t);
    const people = Object.values(world.users);
    const fuzz = new RouteFuzz(document, idsOfWorld(world), people.map((user) => user.email));
    const property = fc.asyncProperty(fuzz.requestTo(route, inputs), fc.nat(people.length - 1), async (request, who) => {
      const caller: SignedInUser = inputs.ownUser ? await signedInUser(t.http, 'Own') : people[who];
      const response = await send(request, caller.token);
      cases += 1;
      count(route.key, response.status);
      if (response.status >= 500) throw new Error(`${route.key} answered ${response.status}: ${response.text}`);
      if (response.status >= 400) {
        expect(response.body).toEqual({ statusCode: response.status, error: STATUS_CODES[response.status], message: expect.any(String) });
      }
    });
    await assertReplayable(key, () => fc.assert(property, { seed: seedOf(key), numRuns: FUZZ_RUNS }));
    // A fuzz that never gets past validation tests only the validation: some answers must come from the use cases.
    const pastValidation = [...(statuses.get(key)?.keys() ?? [])].filter((status) => ![400, 401, 413, 415].includes(status));
    expect(pastValidation).not.toEqual([]);
  }, 60_000);

  it('logged no error, and ran every case', () => {
    reportFuzzRun(`route fuzz over ${routes.length} documented routes`, cases);
    // eslint-disable-next-line no-console
    console.log([...statuses].map(([key, seen]) => `${key}: ${[...seen].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}`).join('\n'));
    expect(cases).toBeGreaterThanOrEqual(routes.length * FUZZ_RUNS);
    expect(t.logs.filter((line: LogLine) => line.level >= 50)).toEqual([]);
  });
});
