// The channel library's public face.
export { ChannelModule } from './channel.module';
export { channelPersistence } from './adapters/out/typeorm/channel-persistence';
export { CHANNEL_EVENTS_TOPIC } from './adapters/out/events/event-bus-channel-events.adapter';
export type { ChannelEvent } from './domain/channel-event';
