import { WithReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';

/** Puts newly stored messages in front of this node's connected members (the socket gateway). */
export abstract class MessageDelivery {
  abstract deliver(messages: readonly WithReplyTo<CountedMessage>[]): void;
}
