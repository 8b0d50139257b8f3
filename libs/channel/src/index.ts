// The channel library's public face.
export { ChannelModule } from './channel.module';
export { channelPersistence } from './adapters/out/typeorm/channel-persistence';
export { CHANNEL_EVENTS_TOPIC } from './adapters/out/events/event-bus-channel-events.adapter';
export type { ChannelEvent } from './domain/channel-event';
export { ChannelFunds } from './application/ports/channel-funds.port';
export { FindChannelRole } from './application/find-channel-role.use-case';
export { FindChannelOwner } from './application/find-channel-owner.use-case';
export type { MemberRole } from './domain/membership';
