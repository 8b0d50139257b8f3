import { ModulesContainer } from '@nestjs/core';
import fc from 'fast-check';
import { World } from './api-world';
import { hostileSocketValue, hostileString, OBJECT_INTERNAL_KEYS } from './hostile-input';
import { TestApp } from './test-app';

/** What a payload field holds, so a generator can make plausible values of it. */
export type PayloadFieldKind = 'channelId' | 'messageId' | 'clientMsgId' | 'text' | 'seq';

export interface SocketEventSpec {
  /** Every field of the payload (DESIGN §5), by kind. */
  readonly fields: Record<string, PayloadFieldKind>;
  /** The fields a valid payload may leave out. */
  readonly optional?: readonly string[];
}

/**
 * The client → server events of the contract, one line each: a handled event without a line
 * fails the socket fuzz and the authorization matrix.
 */
export const SOCKET_EVENTS: Record<string, SocketEventSpec> = {
  'message:send': { fields: { channelId: 'channelId', clientMsgId: 'clientMsgId', text: 'text' } },
  'message:read': { fields: { channelId: 'channelId', seq: 'seq' } },
  typing: { fields: { channelId: 'channelId' } },
  'message:edit': { fields: { channelId: 'channelId', messageId: 'messageId', text: 'text' } },
  'message:delete': { fields: { channelId: 'channelId', messageId: 'messageId' } },
};

/** The error codes an ack may carry (DESIGN §5). */
export const ACK_CODES = ['VALIDATION', 'NOT_MEMBER', 'NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED', 'UNAVAILABLE'];

export type Ack = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** Why an answer is not an ack of the contract, or null when it is one. */
export function ackProblem(ack: unknown): string | null {
  if (typeof ack !== 'object' || ack === null) return `not an object: ${String(ack)}`;
  const { ok, error } = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (ok === true) return null;
  if (ok !== false || typeof error !== 'object' || error === null) return `neither {ok:true} nor {ok:false, error}: ${JSON.stringify(ack)}`;
  if (!ACK_CODES.includes(error.code as string)) return `unknown error code ${String(error.code)}`;
  if (typeof error.message !== 'string' || Object.keys(error).length !== 2 || Object.keys(ack).length !== 2) return `not {ok:false, error:{code, message}}: ${JSON.stringify(ack)}`;
  return null;
}

const GATEWAY_METADATA = 'websockets:is_gateway';
const MESSAGE_MAPPING_METADATA = 'websockets:message_mapping';
const MESSAGE_METADATA = 'message';

/** Every event a gateway of the app subscribes to (`@SubscribeMessage`), read from Nest's metadata. */
export function handledSocketEvents(t: TestApp): string[] {
  const events = new Set<string>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type || !Reflect.getMetadata(GATEWAY_METADATA, type)) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(type.prototype, name)?.value as unknown;
        if (typeof handler === 'function' && Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) events.add(Reflect.getMetadata(MESSAGE_METADATA, handler) as string);
      }
    }
  }
  return [...events].sort();
}

/** A plausible value of each kind, from the world's real ids. */
export function plausibleField(kind: PayloadFieldKind, world: World): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'channelId':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(world.openChannelId, world.closedChannelId, world.directChannelId) }, { weight: 1, arbitrary: fc.uuid() });
    case 'messageId':
      return fc.oneof({ weight: 4, arbitrary: fc.constant(world.messageId) }, { weight: 1, arbitrary: fc.uuid() });
    case 'clientMsgId':
      return fc.string({ minLength: 1, maxLength: 64 });
    case 'text':
      return fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(4000), 'x'.repeat(4001)) });
    case 'seq':
      return fc.integer({ min: -1, max: world.messageSeq + 5 });
  }
}

/** The arguments of one emit of the event: a payload plausible, one field wrong, several, or anything at all, rarely with more arguments. */
export function socketArguments(spec: SocketEventSpec, world: World): fc.Arbitrary<unknown[]> {
  const entries = Object.entries(spec.fields);
  const plausible = entries.map(([name, kind]) => fc.tuple(fc.constant(name), plausibleField(kind, world)));
  const build = (pairs: [string, unknown][]) => Object.fromEntries(pairs);
  const rightInShape = fc.tuple(...plausible).map(build);
  const oneWrong = fc
    .tuple(fc.nat(entries.length - 1), fc.tuple(...plausible), hostileSocketValue)
    .map(([index, pairs, value]) => build(pairs.map(([name, plain], at) => [name, at === index ? value : plain])));
  const someWrong = fc
    .tuple(
      fc.subarray(entries),
      fc.option(fc.tuple(fc.oneof(fc.constantFrom(...OBJECT_INTERNAL_KEYS), hostileString), hostileSocketValue), { freq: 2 }),
    )
    .chain(([chosen, extra]) =>
      fc
        .tuple(...chosen.map(([name, kind]) => fc.tuple(fc.constant(name), fc.oneof(plausibleField(kind, world), hostileSocketValue))))
        .map((pairs) => {
          const payload = build(pairs);
          // defineProperty: a key named __proto__ must travel as a key, not set the prototype.
          if (extra) Object.defineProperty(payload, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
          return payload;
        }),
    );
  const payload = fc.oneof(
    { weight: 2, arbitrary: rightInShape },
    { weight: 3, arbitrary: oneWrong },
    { weight: 2, arbitrary: someWrong },
    { weight: 1, arbitrary: rightInShape.map((value) => [value]) },
    { weight: 2, arbitrary: hostileSocketValue },
  );
  return fc.oneof(
    { weight: 8, arbitrary: payload.map((value) => [value]) },
    { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
    { weight: 1, arbitrary: fc.tuple(payload, hostileSocketValue).map((values) => [...values]) },
  );
}
