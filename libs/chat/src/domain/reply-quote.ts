import { Message } from './message';
import { InvalidMessageError } from './message.errors';

/** How much of the quoted text a reply shows, in code points (a surrogate pair is never cut). */
export const SNIPPET_CODE_POINTS = 100;

/** What a reply shows of the message it answers (DESIGN §5 `replyTo`). */
export interface ReplyQuote {
  readonly id: string;
  readonly seq: number;
  /** As shown: "deleted user" when the quoted sender's account is gone. */
  readonly senderName: string | null;
  readonly snippet: string | null;
}

/**
 * The snippet of a quoted message: the first SNIPPET_CODE_POINTS code points of its text, as it
 * reads now (after an edit, the new text); null once the quoted message is deleted.
 */
export function quoteSnippet(quoted: Message): string | null {
  if (quoted.deletedAt !== null) return null;
  return [...quoted.text].slice(0, SNIPPET_CODE_POINTS).join('');
}

/**
 * A reply may answer a TEXT message of its own channel only: an unknown id, another channel's
 * message (no leak of which), a SYSTEM notice or a deleted message is a VALIDATION error.
 */
export function requireReplyTarget(quoted: Message | undefined, channelId: string): Message {
  if (!quoted || quoted.channelId !== channelId) throw new InvalidMessageError('replyToId must be a message of this channel');
  if (quoted.type !== 'TEXT') throw new InvalidMessageError('replyToId must not be a SYSTEM message');
  if (quoted.deletedAt !== null) throw new InvalidMessageError('replyToId must not be a deleted message');
  return quoted;
}

/** A message as clients get it, with the quote of the message it answers (null when it answers none). */
export type WithReplyTo<M extends Message> = M & { readonly replyTo: ReplyQuote | null };

/** Each message with its quote from `quotes` (by quoted message id). */
export function withReplyTo<M extends Message>(messages: readonly M[], quotes: ReadonlyMap<string, ReplyQuote>): WithReplyTo<M>[] {
  return messages.map((message) => ({ ...message, replyTo: message.replyToId === null ? null : (quotes.get(message.replyToId) ?? null) }));
}
