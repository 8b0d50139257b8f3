import { validate } from 'class-validator';
import { DisplayText, displayTextProblem } from './display-text';

describe('displayTextProblem', () => {
  it.each([
    ['Latin', 'Mina'],
    ['Hangul', '김하나'],
    ['an emoji ZWJ sequence', '👨‍👩‍👧 family'],
    ['a combining accent', 'Jose\u0301'],
    ['a zero-width joiner inside visible text', 'क्\u200Dष'],
    ['Arabic with a right-to-left mark', 'سلام\u200F'],
    ['the empty string (length is another rule)', ''],
  ])('accepts %s', (_case, text) => {
    expect(displayTextProblem(text)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a tab', 'a\tb'],
    ['escape', 'a\u001B[31mb'],
    ['DEL', 'a\u007Fb'],
    ['a C1 control (NEL)', 'a\u0085b'],
    ['a line feed', 'a\nb'],
    ['a line separator', 'a\u2028b'],
  ])('refuses %s in a name', (_case, text) => {
    expect(displayTextProblem(text)).toBe('must not contain control characters or line breaks');
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidi control U+%s',
    (control) => {
      expect(displayTextProblem(`Mina${control}nimda`)).toBe('must not contain bidirectional control characters');
    },
  );

  it.each([
    ['zero width space', '\u200B'],
    ['word joiner', '\u2060'],
    ['BOM', '\uFEFF'],
    ['Hangul filler', '\u3164'],
    ['Hangul choseong and jungseong fillers', '\u115F\u1160'],
    ['halfwidth Hangul filler', '\uFFA0'],
    ['a blank Braille cell', '\u2800'],
    ['a soft hyphen and a combining grapheme joiner', '\u00AD\u034F'],
    ['a tag character', '\u{E0041}'],
    ['ideographic spaces around a zero width joiner', '\u3000\u200D\u3000'],
  ])('refuses a name made only of invisible characters: %s', (_case, text) => {
    expect(displayTextProblem(text)).toBe('must contain a visible character');
  });

  it('lets a multi-line text keep \\n and \\r\\n, and nothing else of the controls', () => {
    expect(displayTextProblem('line one\nline two\r\nline three', { multiline: true })).toBeUndefined();
    for (const text of ['a\rb', 'a\tb', 'a\u0000b', 'a\u2029b']) {
      expect(displayTextProblem(text, { multiline: true })).toBe('must not contain control characters other than line breaks');
    }
    expect(displayTextProblem('\n\u200B\n', { multiline: true })).toBe('must contain a visible character');
  });
});

describe('@DisplayText()', () => {
  class Named {
    @DisplayText() name!: unknown;
    @DisplayText({ multiline: true }) about!: unknown;
  }
  const errorsOf = async (values: Partial<Named>) =>
    (await validate(Object.assign(new Named(), { name: 'Mina', about: 'ok', ...values }))).flatMap((e) => Object.values(e.constraints ?? {}));

  it('names the field and the reason', async () => {
    expect(await errorsOf({ name: '\u3164' })).toEqual(['name must contain a visible character']);
    expect(await errorsOf({ about: 'x\u202Ey' })).toEqual(['about must not contain bidirectional control characters']);
    expect(await errorsOf({ about: 'two\nlines' })).toEqual([]);
  });

  it('reports a non-string once, as a type error', async () => {
    expect(await errorsOf({ name: 42 })).toEqual(['name must be a string']);
  });
});
