import { searchDocument, searchMatchExpression } from './search-document';

describe('search documents', () => {
  it('hold the channel, each distinct code point and each distinct pair of neighbouring code points, in hex', () => {
    expect(searchDocument('c1', '안녕 안녕')).toBe('c6331 u00c548 u00b155 u000020 p00c54800b155 p00b155000020 p00002000c548');
  });

  it('count an emoji as one code point and keep spaces and punctuation as tokens', () => {
    expect(searchDocument('c', 'a😀')).toBe('c63 u000061 u01f600 p00006101f600');
    expect(searchDocument('c', '%_')).toBe('c63 u000025 u00005f p00002500005f');
  });

  it('match every pair of a query within its channel, quoted; a single code point as itself', () => {
    expect(searchMatchExpression('c', 'abc')).toBe('"c63" AND "p000061000062" AND "p000062000063"');
    expect(searchMatchExpression('c', 'aaa')).toBe('"c63" AND "p000061000061"');
    expect(searchMatchExpression('c', '하')).toBe('"c63" AND "u00d558"');
    expect(searchMatchExpression('c', '😀')).toBe('"c63" AND "u01f600"');
  });
});
