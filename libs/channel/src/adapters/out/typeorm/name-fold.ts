import { CHANNEL_NAME_MAX_LENGTH } from '../../../domain/channel';

/**
 * The most code points `toLowerCase` makes of one code point. Lower-casing can lengthen a
 * string: 'İ' (U+0130) becomes 'i' + U+0307. name-fold.spec.ts checks this bound against
 * every code point of the running Unicode version.
 */
export const LOWER_CASE_EXPANSION = 2;

/** Room for the fold of the longest valid name (MySQL counts VARCHAR length in code points). */
export const NAME_FOLDED_MAX_LENGTH = CHANNEL_NAME_MAX_LENGTH * LOWER_CASE_EXPANSION;

/** Case-folded form that search compares against, the same on SQLite and MySQL. */
export function foldName(name: string): string {
  return name.toLowerCase();
}
