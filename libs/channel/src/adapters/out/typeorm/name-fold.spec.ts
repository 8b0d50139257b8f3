import fc from 'fast-check';
import { CHANNEL_NAME_MAX_LENGTH } from '../../../domain/channel';
import { foldName, LOWER_CASE_EXPANSION, NAME_FOLDED_MAX_LENGTH } from './name-fold';

const codePoints = (text: string) => [...text].length;

describe('foldName and the room it needs', () => {
  it('never makes more than LOWER_CASE_EXPANSION code points of one code point (all of Unicode checked)', () => {
    let worst = 0;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      worst = Math.max(worst, codePoints(foldName(String.fromCodePoint(codePoint))));
    }
    expect(worst).toBe(LOWER_CASE_EXPANSION);
  });

  it('fits the fold of the longest valid name, also the worst one', () => {
    expect(NAME_FOLDED_MAX_LENGTH).toBe(CHANNEL_NAME_MAX_LENGTH * LOWER_CASE_EXPANSION);
    expect(codePoints(foldName('İ'.repeat(CHANNEL_NAME_MAX_LENGTH)))).toBe(NAME_FOLDED_MAX_LENGTH);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: CHANNEL_NAME_MAX_LENGTH }), (name) => {
        const valid = [...name].slice(0, CHANNEL_NAME_MAX_LENGTH).join('');
        return codePoints(foldName(valid)) <= NAME_FOLDED_MAX_LENGTH;
      }),
    );
  });
});
