/**
 * A regular expression source that matches `text` literally: each character with a meaning in
 * MongoDB's regex dialect (PCRE) is escaped. FerretDB's Go regexp reads the same escapes.
 */
export function literalPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
