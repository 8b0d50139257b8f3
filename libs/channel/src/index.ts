// The channel library's public face.
export { ChannelModule } from './channel.module';
export { channelPersistence } from './adapters/out/typeorm/channel-persistence';
export { CHANNEL_EVENTS_TOPIC } from './adapters/out/events/event-bus-channel-events.adapter';
export type { ChannelEvent } from './domain/channel-event';
export { ChannelMemberIds } from './application/channel-member-ids';
export { GetChannel } from './application/get-channel.use-case';
export { ChannelResponse } from './adapters/in/http/dto/channel.response';
