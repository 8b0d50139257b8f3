/**
 * The case folding message search compares with, applied to both the text and
 * the query (SQLite calls it as a SQL function; MySQL's LOWER() does the same for
 * the text). Korean has no case, so it passes through unchanged.
 */
export function foldForSearch(text: string): string {
  return text.toLowerCase();
}
