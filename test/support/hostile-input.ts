import fc from 'fast-check';

/**
 * fast-check generators of hostile HTTP input: strings with lone surrogates,
 * controls and invisible characters, JSON text with huge numbers, nulls, deep
 * nesting and prototype-ish keys, and URL parts that stay sendable.
 */

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const trickyCharacter = fc.constantFrom(
  '\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029',
  '\u202e', '\u200f', '\u061c', '\u2066', '\u200b', '\u200d', '\u2060', '\ufeff', '\u3164', '\u115f', '\u1160', '\u2800',
  '%', '_', '\\', '"', "'", '/', '?', '#', '&', '=', ' ', '가', '🐱', 'e\u0301',
);

export const OBJECT_INTERNAL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Any string a client could send, well-formed or not. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '.', '@', '-'), trickyCharacter, loneSurrogate), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   ', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity', '0', '-0', '-1', '1e3', '0x10', 'true', '[]', '{}', 'x'.repeat(5000), 'password-123') },
);

/** JSON number literals JavaScript cannot hold exactly, or at all. */
const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '9007199254740993', '-0', '0.0000000000000000000000001', '1E2', '5e-324'),
);

const jsonKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...OBJECT_INTERNAL_KEYS), hostileString);

/** JSON text of any shape (JSON.stringify keeps lone surrogates as \\ud800 escapes). */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString.map((text) => JSON.stringify(text)),
    numberLiteral,
    fc.constantFrom('null', 'true', 'false'),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc
    .array(fc.tuple(jsonKey, tie('value')), { maxLength: 4 })
    .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
})).value;

/** Array or object nesting `depth` levels deep around a value (2,500 and more once overflowed the validator's stack). */
const nested = (depth: number, open: string, inner: string): string => {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
};
const depthLevels = fc.oneof(fc.integer({ min: 20, max: 100 }), fc.constantFrom(2_500, 10_000));

/** A body whose one field nests deeply. */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(depthLevels, fc.constantFrom('[', '{"a":'), fc.constantFrom('email', 'name', 'userIds'))
  .map(([levels, open, field]) => `{"${field}":${nested(levels, open, '1')}}`);

/** JSON values that once broke a route (or would break a careless one), as JSON text. */
const KNOWN_BREAKERS = [
  '"\\ud800a@x.io"',
  '"Mina\\udc00"',
  '"a\\u0000b"',
  '"\\u202eevil"',
  '"\\u200b\\u3164"',
  '1e400',
  '-0',
  '123456789012345678901234567890',
  '[null]',
  '{"toString":"x"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '"NaN"',
  '"Infinity"',
  '"-0"',
  '"42"',
  '"1e3"',
  '[{"a":1}]',
  '"e\u0301\u0301\u0301"',
  '"\u200f\u061c"',
  `"${'x'.repeat(5000)}"`,
  nested(2_500, '[', '"x"'),
];

/** JSON text of one field value meant to break whatever reads it: mostly null or a known breaker, else anything. */
export const hostileJsonValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('null') },
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_BREAKERS) },
  { weight: 1, arbitrary: hostileString.map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: fc.tuple(depthLevels, fc.constantFrom('[', '{"a":')).map(([levels, open]) => nested(levels, open, '"x"')) },
  { weight: 1, arbitrary: jsonText },
);

/** Bodies that are not JSON at all, or JSON the parser takes apart. */
export const brokenBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '{', '{"email":', 'null', '"text"', '123', '[]', '{}', '{"a":1,}', "{'a':1}", 'email=a%40b.co&password=x'),
  // What JSON cannot carry, as a careless client would write it.
  fc.constantFrom('{"amount":NaN}', '{"amount":Infinity}', '{"seq":-Infinity}', '{"limit":undefined}', 'NaN', '[NaN]'),
  jsonText.map((text) => text.slice(0, Math.max(0, text.length - 1))),
  fc.constant(`{"name":"${'x'.repeat(120_000)}"}`),
);

/** A string as it would travel in a URL, lone surrogates as the bytes a client would send for them (WTF-8). */
export function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    const unit = character.codePointAt(0)!;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += `%ED%${(0xa0 | ((unit >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (unit & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      encoded += encodeURIComponent(character);
    }
  }
  return encoded;
}

/** One path segment: a string, encoded, or raw percent-garbage. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.filter((text) => text.length > 0).map(percentEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%FF', '%ED%A0%80', '%E0%A4%A', '%00', '%2F', '%2E%2E', '%252F', 'a%20b') },
);

/** Header values a client can send (visible Latin-1, spaces and tabs), well-formed for an Idempotency-Key or not. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', ' ', '\t', '"', '%', 'é', 'ÿ', '\u00a0'), maxLength: 12 }),
  fc.constantFrom('', ' ', 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(8000), '__proto__', 'null', 'NaN'),
);

/**
 * Any value a socket.io client can emit: parsed hostile JSON, and what only the socket carries
 * (binary, undefined, NaN). Frames stay under the gateway's 128 kB bound, past which socket.io drops the connection by design.
 */
export const hostileSocketValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileJsonValue.map(parsedForReport) },
  { weight: 2, arbitrary: jsonText.map(parsedForReport) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, Number.NaN, Infinity, -Infinity, -0, Buffer.from('binary'), new Uint8Array(3), 'x'.repeat(100_000)) },
);

/** Where a value parsed from hostile JSON text keeps that text (a hidden key). */
export const SOURCE_JSON = Symbol('source JSON text');

/**
 * JSON text parsed, keeping its text under hidden keys: fast-check prints it shortened (its
 * own printer recurses and overflows the stack on thousands of nesting levels, as
 * JSON.stringify does under jest), and a raw frame can carry it as it was. The value itself
 * travels and is checked as it is.
 */
function parsedForReport(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  if (typeof value === 'object' && value !== null) {
    const shown = text.length > 200 ? `${text.slice(0, 100)}…(${text.length} characters)` : text;
    Object.defineProperty(value, fc.toStringMethod, { value: () => shown, enumerable: false });
    Object.defineProperty(value, SOURCE_JSON, { value: text, enumerable: false });
  }
  return value;
}

/** JSON text of a value built around hostile parts, reusing their source text instead of recursing into them. */
export function jsonOfHostile(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const source = (value as { [SOURCE_JSON]?: string })[SOURCE_JSON];
  if (source !== undefined) return source;
  if (Array.isArray(value)) return `[${value.map(jsonOfHostile).join(',')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${jsonOfHostile(item)}`).join(',')}}`;
}

/** How deep arrays and objects nest in a value (iterative: the values here may nest 10,000 levels). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item)) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
