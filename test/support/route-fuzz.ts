import fc from 'fast-check';
import { CHANNEL_PASSWORD, World } from './api-world';
import {
  brokenBodyText,
  deepJsonText,
  hostileHeaderValue,
  hostileJsonValue,
  hostileSegment,
  hostileString,
  jsonText,
  OBJECT_INTERNAL_KEYS,
  percentEncode,
} from './hostile-input';
import { ApiDocument, bodySchemaOf, DocumentedRoute, resolved, SchemaObject } from './openapi-routes';
import { browserKeys } from './push-service';
import { WALLET_PASSWORD } from './wallet-client';

/** One browser key for every plausible push subscription (a fresh one per case would not replay). */
const PUSH_P256DH = browserKeys().keys.p256dh;

/** What an id names, so a generator can pick real ones of the world. */
export type IdKind = 'channel' | 'user' | 'wallet' | 'reservedTransfer';

/** What the document does not say about a route's input, written per route. */
export interface RouteInputs {
  /** The kind of id each path parameter is. */
  path?: Record<string, IdKind>;
  /** The route ends its caller's session or account: each case runs as a user of its own. */
  ownUser?: true;
}

/** One row per route of /docs-json: a route of the document without a row fails the fuzz test. */
export const ROUTE_INPUTS: Record<string, RouteInputs> = {
  'GET /health': {},
  'POST /api/auth/signup': {},
  'POST /api/auth/login': {},
  'POST /api/auth/logout': { ownUser: true },
  'GET /api/users/search': {},
  'GET /api/users/me': {},
  'PATCH /api/users/me': { ownUser: true },
  'DELETE /api/users/me': { ownUser: true },
  'POST /api/channels': {},
  'GET /api/channels': {},
  'GET /api/channels/search': {},
  'POST /api/channels/direct': {},
  'GET /api/channels/{id}': { path: { id: 'channel' } },
  'POST /api/channels/{id}/join': { path: { id: 'channel' } },
  'POST /api/channels/{id}/leave': { path: { id: 'channel' } },
  'GET /api/channels/{id}/members': { path: { id: 'channel' } },
  'POST /api/channels/{id}/members': { path: { id: 'channel' } },
  'GET /api/contacts': {},
  'POST /api/contacts': {},
  'DELETE /api/contacts/{userId}': { path: { userId: 'user' } },
  'GET /api/channels/{id}/messages': { path: { id: 'channel' } },
  'GET /api/channels/{id}/messages/search': { path: { id: 'channel' } },
  'POST /api/channels/{id}/read': { path: { id: 'channel' } },
  'POST /api/wallets': {},
  'GET /api/wallets/me': {},
  'POST /api/wallets/{id}/deposits': { path: { id: 'wallet' } },
  'POST /api/wallets/{id}/withdrawals': { path: { id: 'wallet' } },
  'GET /api/wallets/{id}/entries': { path: { id: 'wallet' } },
  'POST /api/wallets/{id}/participants': { path: { id: 'wallet' } },
  'GET /api/wallets/{id}/participants': { path: { id: 'wallet' } },
  'POST /api/transfers': {},
  'GET /api/push/vapid-public-key': {},
  'POST /api/push/subscriptions': {},
  'DELETE /api/push/subscriptions': {},
  'GET /api/push/settings': {},
  'PUT /api/push/settings': {},
  'PUT /api/channels/{id}/mute': { path: { id: 'channel' } },
  'DELETE /api/channels/{id}/mute': { path: { id: 'channel' } },
  'POST /api/channels/{id}/wallets': { path: { id: 'channel' } },
  'GET /api/channels/{id}/wallets': { path: { id: 'channel' } },
  'POST /api/reserved-transfers': {},
  'GET /api/reserved-transfers': {},
  'DELETE /api/reserved-transfers/{id}': { path: { id: 'reservedTransfer' } },
};

export interface FuzzRequest {
  method: string;
  url: string;
  token: 'valid' | 'none' | 'garbage';
  contentType: string | null;
  headers: Record<string, string>;
  body: string | null;
}

/** Real ids of each kind in the world (unknown ones are added by the generators). */
export function idsOfWorld(world: World): Record<IdKind, string[]> {
  return {
    channel: [world.openChannelId, world.closedChannelId, world.directChannelId],
    user: Object.values(world.users).map((user) => user.id),
    wallet: [...Object.values(world.wallets), world.groupWalletId],
    reservedTransfer: [world.reservedTransferId],
  };
}

/**
 * Generators of requests to one documented route, from its OpenAPI operation and its row:
 * a third right in shape (to reach the use cases with real ids), half right but for one field,
 * path part, query or header, a sixth anything at all.
 */
export class RouteFuzz {
  constructor(
    private readonly document: ApiDocument,
    private readonly ids: Record<IdKind, string[]>,
    private readonly emails: string[],
  ) {}

  requestTo(route: DocumentedRoute, inputs: RouteInputs): fc.Arbitrary<FuzzRequest> {
    const bodySchema = bodySchemaOf(this.document, route);
    const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
    const request = (url: fc.Arbitrary<string>, body: fc.Arbitrary<string | null>, headers: fc.Arbitrary<Record<string, string>>) =>
      fc.record({
        method: fc.constant(route.method),
        url,
        token: fc.constant<FuzzRequest['token']>('valid'),
        contentType: fc.constant('application/json'),
        headers,
        body,
      });
    const goodBody = bodySchema ? this.shapedBody(bodySchema, 'none') : fc.constant(null);
    const goodUrl = this.urlOf(route, inputs, false);
    const goodHeaders = this.headersOf(route, false);
    const rightInShape = request(goodUrl, goodBody, goodHeaders);
    const oneThingWrong = fc.oneof(
      { weight: bodySchema ? 3 : 0, arbitrary: request(goodUrl, bodySchema ? this.shapedBody(bodySchema, 'one') : goodBody, goodHeaders) },
      { weight: 1, arbitrary: request(this.urlOf(route, inputs, true), goodBody, goodHeaders) },
      { weight: this.headerParameters(route).length > 0 ? 1 : 0, arbitrary: request(goodUrl, goodBody, this.headersOf(route, true)) },
    );
    const body = fc.oneof(
      { weight: bodySchema ? 4 : 0, arbitrary: bodySchema ? this.shapedBody(bodySchema, 'some') : fc.constant('{}') },
      // An array where the object belongs.
      { weight: bodySchema ? 1 : 0, arbitrary: bodySchema ? this.shapedBody(bodySchema, 'none').map((text) => `[${text}]`) : fc.constant('[]') },
      { weight: 2, arbitrary: jsonText },
      { weight: 1, arbitrary: deepJsonText },
      { weight: 1, arbitrary: brokenBodyText },
    );
    const anything = fc.record({
      method: fc.constant(route.method),
      url: this.urlOf(route, inputs, true),
      token: fc.constantFrom<FuzzRequest['token']>('valid', 'valid', 'valid', 'none', 'garbage'),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x') },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      headers: this.headersOf(route, true),
      body: fc.option(body, { freq: hasBody ? 8 : 2 }),
    });
    return fc.oneof({ weight: 2, arbitrary: rightInShape }, { weight: 3, arbitrary: oneThingWrong }, { weight: 1, arbitrary: anything });
  }

  /** A value that fits a documented property more or less, so requests also get past validation. */
  private plausibleValue(name: string, schema: SchemaObject): fc.Arbitrary<unknown> {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.format === 'uuid' || /id$/i.test(name)) return this.idFor(name);
    if (schema.format === 'date-time') {
      return fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: -2, max: 30 * 24 }).map((hours) => new Date(Date.now() + hours * 3600_000).toISOString()) },
        // The calendar's edges: the last year a DATETIME column holds, beyond what Date holds, days and times that do not exist, no zone.
        { weight: 1, arbitrary: fc.constantFrom('9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '+010000-01-01T00:00:00Z', '2099-02-29T00:00:00Z', '2099-01-31T00:00:00Z', '2099-01-01T24:00:00Z', '2099-01-01T00:00:60Z', '2099-01-01T00:00:00.999999999+14:00', '2099-01-01') },
      );
    }
    if (/email/i.test(name)) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...this.emails) }, { weight: 1, arbitrary: fc.emailAddress() });
    if (/password/i.test(name)) return fc.constantFrom(CHANNEL_PASSWORD, WALLET_PASSWORD, 'password-123', 'wrong-one');
    // A browser's push subscription: an https endpoint, an uncompressed P-256 key and a 16-byte secret.
    if (name === 'endpoint') return fc.oneof({ weight: 3, arbitrary: fc.uuid().map((id) => `https://push.example.com/${id}`) }, { weight: 1, arbitrary: fc.webUrl() });
    if (name === 'p256dh') return fc.constant(PUSH_P256DH);
    if (name === 'auth') return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('base64url'));
    if (schema.type === 'object' && schema.properties) {
      const properties = Object.entries(schema.properties).map(([key, property]) => [key, this.plausibleValue(key, resolved(this.document, property))] as const);
      return fc.record(Object.fromEntries(properties));
    }
    switch (schema.type) {
      case 'boolean':
        return fc.constantFrom(true, true, false); // true opens more paths (a private channel needs its password)
      case 'integer':
      case 'number':
        return fc.integer({ min: (schema.minimum ?? 0) - 1, max: Math.min(schema.maximum ?? 100, 2_000) + 1 });
      case 'array':
        return fc.array(schema.items ? this.plausibleValue(name.replace(/s$/, ''), resolved(this.document, schema.items)) : hostileString, { maxLength: 4 });
      default:
        return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 40) });
    }
  }

  /** A real id of the kind the field's name says, or an unknown one. */
  private idFor(name: string): fc.Arbitrary<string> {
    const kind: IdKind | undefined = /wallet/i.test(name) ? 'wallet' : /user/i.test(name) ? 'user' : /channel/i.test(name) ? 'channel' : undefined;
    const known = kind ? this.ids[kind] : Object.values(this.ids).flat();
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() });
  }

  /**
   * JSON text of the documented body: every required field plausible (an optional one may be
   * left out), or all but one, or one missing and a few hostile, maybe with an extra key.
   */
  private shapedBody(schema: SchemaObject, hostility: 'none' | 'one' | 'some'): fc.Arbitrary<string> {
    const properties = Object.entries(schema.properties ?? {});
    const plausible = ([name, property]: [string, SchemaObject]) => this.plausibleValue(name, resolved(this.document, property)).map((value) => JSON.stringify(value));
    const field = (entry: [string, SchemaObject], index: number, spoiled: number) =>
      fc.tuple(
        fc.constant(entry[0]),
        hostility === 'none' || (hostility === 'one' && index !== spoiled)
          ? plausible(entry)
          : hostility === 'one'
            ? hostileJsonValue
            : fc.oneof({ weight: 2, arbitrary: plausible(entry) }, { weight: 1, arbitrary: hostileJsonValue }),
      );
    const extra =
      hostility === 'some'
        ? fc.option(fc.tuple(fc.oneof(fc.constantFrom(...OBJECT_INTERNAL_KEYS), hostileString), hostileJsonValue), { freq: 2 })
        : fc.constant(null);
    // A plausible body has every required field; spoiling one keeps all the others, so the spoiled one is what the route trips on.
    const required = properties.filter(([name]) => schema.required?.includes(name));
    const optional = properties.filter(([name]) => !schema.required?.includes(name));
    const kept =
      hostility === 'none'
        ? fc.subarray(optional).map((chosen) => [...required, ...chosen])
        : hostility === 'one'
          ? fc.constant(properties)
          : fc.subarray(properties, { minLength: Math.max(0, properties.length - 1) });
    const fields = fc
      .tuple(kept, fc.nat())
      .chain(([chosen, spoiled]) => fc.tuple(...chosen.map((entry, index) => field(entry, index, spoiled % Math.max(1, chosen.length)))));
    return fc
      .tuple(fields, extra)
      .map(([entries, more]) => [...entries, ...(more ? [more] : [])])
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`);
  }

  /** A URL of the route: each path parameter a real id or a hostile segment, then maybe a query (documented or not, names repeated). */
  private urlOf(route: DocumentedRoute, inputs: RouteInputs, hostile: boolean): fc.Arbitrary<string> {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const segment = (name: string) => {
      const kind = inputs.path?.[name];
      if (!kind) throw new Error(`${route.key}: its row in ROUTE_INPUTS names no id kind for the path parameter ${name}`);
      const known = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...this.ids[kind]) }, { weight: 1, arbitrary: fc.uuid() });
      return hostile ? fc.oneof({ weight: 2, arbitrary: known }, { weight: 3, arbitrary: hostileSegment }) : known;
    };
    const path = fc.tuple(...names.map(segment)).map((values) => names.reduce((url, name, index) => url.replace(`{${name}}`, values[index]), route.path));
    const documented = (route.operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
    const plausiblePair = documented.map((parameter) =>
      fc.tuple(fc.constant(parameter.name), this.plausibleValue(parameter.name, parameter.schema ?? {}).map(String)),
    );
    const hostilePair = fc.tuple(
      fc.oneof(fc.constantFrom(...documented.map((parameter) => parameter.name), ...OBJECT_INTERNAL_KEYS, 'limit[]', 'q[a]'), hostileString),
      fc.oneof(hostileString, fc.integer({ min: -5, max: 200 }).map(String), fc.constantFrom('1e400', '0x10', '5.5', '', '-0', 'NaN', 'Infinity', '1e2', ' 7')),
    );
    const pairs = hostile
      ? fc.array(hostilePair, { maxLength: documented.length > 0 ? 4 : 1 })
      : fc.subarray(plausiblePair).chain((chosen) => fc.tuple(...chosen));
    const query = pairs.map((list) => (list.length ? `?${list.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')}` : ''));
    return fc.tuple(path, query).map(([p, q]) => p + q);
  }

  private headerParameters(route: DocumentedRoute) {
    return (route.operation.parameters ?? []).filter((parameter) => parameter.in === 'header');
  }

  /** The documented headers: fresh valid values, or hostile and missing ones. */
  private headersOf(route: DocumentedRoute, hostile: boolean): fc.Arbitrary<Record<string, string>> {
    const parameters = this.headerParameters(route);
    const value = hostile ? fc.option(fc.oneof(fc.uuid(), hostileHeaderValue), { freq: 3 }) : fc.uuid().map((id): string | null => id);
    return fc.tuple(...parameters.map(() => value)).map((values) =>
      Object.fromEntries(parameters.flatMap((parameter, index) => (values[index] === null ? [] : [[parameter.name, values[index]]]))),
    );
  }
}
