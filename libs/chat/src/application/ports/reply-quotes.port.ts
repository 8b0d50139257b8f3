import { Message } from '../../domain/message';
import { ReplyQuote } from '../../domain/reply-quote';

/**
 * What replies show of the messages they answer, resolved when they are read (history, search,
 * last messages, acks and `message:new`): only the quoted id is stored, so a later change of the
 * quoted message (its sender's account deleted) shows everywhere.
 */
export abstract class ReplyQuotes {
  /** The quotes of these messages' replies, by quoted message id, in a fixed number of reads whatever the page. */
  abstract of(messages: readonly Message[]): Promise<ReadonlyMap<string, ReplyQuote>>;
}
