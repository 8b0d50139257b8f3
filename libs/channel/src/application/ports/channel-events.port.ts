import { ChannelEvent } from '../../domain/channel-event';

/** Where membership changes go (to every server node's socket gateway). */
export abstract class ChannelEvents {
  abstract publish(event: ChannelEvent): Promise<void>;
}
