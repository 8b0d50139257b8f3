import { Injectable } from '@nestjs/common';
import { EventBus } from '@webchat/platform';
import { ChannelEvents } from '../../../application/ports/channel-events.port';
import { ChannelEvent } from '../../../domain/channel-event';

/** The topic the socket gateway of every node listens on. */
export const CHANNEL_EVENTS_TOPIC = 'channel.membership';

@Injectable()
export class EventBusChannelEvents extends ChannelEvents {
  constructor(private readonly bus: EventBus) {
    super();
  }

  publish(event: ChannelEvent): Promise<void> {
    // Keyed by channel: one channel's membership changes reach every node in the order they happened.
    return this.bus.publish(CHANNEL_EVENTS_TOPIC, event, event.channelId);
  }
}
