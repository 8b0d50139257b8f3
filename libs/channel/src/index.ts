// The channel library's public face.
export { ChannelModule } from './channel.module';
export { channelPersistence } from './adapters/out/typeorm/channel-persistence';
export { CHANNEL_EVENTS_TOPIC } from './adapters/out/events/event-bus-channel-events.adapter';
export type { ChannelEvent } from './domain/channel-event';
export { ChannelMemberIds } from './application/channel-member-ids';
export { GetChannel } from './application/get-channel.use-case';
export { ChannelResponse } from './adapters/in/http/dto/channel.response';
export { CheckMessageAccess } from './application/check-message-access.use-case';
export { AdvanceReadMark } from './application/advance-read-mark.use-case';
export { AdvanceSendersReadMarks } from './application/advance-senders-read-marks.use-case';
export { ChannelActivity } from './application/ports/channel-activity.port';
export type { ChannelActivitySummary, ChannelLastMessage, MemberReadPosition } from './application/ports/channel-activity.port';
export type { Membership } from './domain/membership';
export { ChannelNotFoundError, NotChannelMemberError } from './domain/channel.errors';
export { ChannelFunds } from './application/ports/channel-funds.port';
export { FindChannelRole } from './application/find-channel-role.use-case';
export { FindChannelOwner } from './application/find-channel-owner.use-case';
export type { MemberRole } from './domain/membership';
