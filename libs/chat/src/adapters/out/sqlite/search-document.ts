/**
 * The SQLite message search index (an FTS5 table, see sqlite-message-schema.ts) holds, per TEXT
 * message, one "document" of tokens: the message's channel, every code point of its folded text,
 * and every pair of neighbouring code points. A substring of two or more code points contains all
 * of its own pairs, so the pairs of a query select a small superset of the matching messages, which
 * the search then checks with instr(); a one-code-point query is looked up as such. FTS5's own tokenizers cannot do this for Korean: unicode61 splits on words,
 * and trigram cannot match a two-character query.
 *
 * Each token is written in hex so that FTS5's unicode61 tokenizer keeps it whole, whatever the
 * characters are (spaces, punctuation and symbols included).
 */

const CODE_POINT_HEX_DIGITS = 6; // U+10FFFF

/** The index document of a message: its channel token, then its distinct code point and pair tokens. */
export function searchDocument(channelId: string, foldedText: string): string {
  const points = hexCodePoints(foldedText);
  return [channelToken(channelId), ...new Set(points.map((point) => `u${point}`)), ...pairTokens(points)].join(' ');
}

/** The FTS5 MATCH expression for a non-empty folded query within one channel. */
export function searchMatchExpression(channelId: string, foldedQuery: string): string {
  const points = hexCodePoints(foldedQuery);
  const tokens = points.length === 1 ? [`u${points[0]}`] : pairTokens(points);
  // Tokens are hex, so quoting them is enough to keep FTS5's query syntax out of the way.
  return [channelToken(channelId), ...tokens].map((token) => `"${token}"`).join(' AND ');
}

function channelToken(channelId: string): string {
  return `c${Buffer.from(channelId, 'utf8').toString('hex')}`;
}

function hexCodePoints(text: string): string[] {
  return [...text].map((char) => (char.codePointAt(0) as number).toString(16).padStart(CODE_POINT_HEX_DIGITS, '0'));
}

function pairTokens(points: readonly string[]): string[] {
  const pairs = new Set<string>();
  for (let n = 1; n < points.length; n++) pairs.add(`p${points[n - 1]}${points[n]}`);
  return [...pairs];
}
