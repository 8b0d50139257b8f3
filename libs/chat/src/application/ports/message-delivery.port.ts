import { Message } from '../../domain/message';
import { WithReplyTo } from '../../domain/reply-quote';
import { CountedMessage } from '../../domain/unread-count';

/** One thing members see happen to a channel's messages, as socket events. */
export type Delivery =
  | { readonly event: 'message:new'; readonly message: WithReplyTo<CountedMessage> }
  | { readonly event: 'message:updated'; readonly message: WithReplyTo<CountedMessage> }
  /** Shown as `{channelId, id, seq}`: the tombstone's place. */
  | { readonly event: 'message:deleted'; readonly message: Message };

/** Puts what a stored batch changed in front of this node's connected members (the socket gateway), in log order. */
export abstract class MessageDelivery {
  abstract deliver(deliveries: readonly Delivery[]): void;
}
