import { literalPattern } from './literal-pattern';

describe('literalPattern', () => {
  it('matches every special character literally, and plain text as it is', () => {
    const nasty = String.raw`a.b*c+d?e^f$g{1}h(i)j|k[l]m\n`;
    const pattern = new RegExp(literalPattern(nasty), 'u');
    expect(pattern.test(`say ${nasty} twice`)).toBe(true);
    expect(pattern.test('aXb*c+d?e^f$g{1}h(i)j|k[l]m\\n')).toBe(false);
    expect(literalPattern('다들 안녕 🍣 100%_')).toBe('다들 안녕 🍣 100%_');
  });
});
