import { jsonDepthExceeds } from './json-depth';

const nestedArrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('jsonDepthExceeds', () => {
  it('counts a bare object or array as depth 1 and scalars as no depth', () => {
    expect(jsonDepthExceeds({}, 1)).toBe(false);
    expect(jsonDepthExceeds([], 1)).toBe(false);
    expect(jsonDepthExceeds({ a: {} }, 1)).toBe(true);
    expect(jsonDepthExceeds('text', 0)).toBe(false);
    expect(jsonDepthExceeds(null, 0)).toBe(false);
  });

  it('finds the deepest branch among shallow ones, through objects and arrays alike', () => {
    const value = { a: 1, b: [1, 2, { c: [] }], d: { e: { f: { g: [[]] } } } };
    expect(jsonDepthExceeds(value, 6)).toBe(false);
    expect(jsonDepthExceeds(value, 5)).toBe(true);
  });

  it('answers at the limit exactly', () => {
    expect(jsonDepthExceeds(nestedArrays(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nestedArrays(33), 32)).toBe(true);
  });

  it('walks a value far deeper than the call stack allows without overflowing', () => {
    expect(jsonDepthExceeds(nestedArrays(200_000), 32)).toBe(true);
  });
});
