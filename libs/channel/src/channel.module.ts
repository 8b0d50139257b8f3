import { Module } from '@nestjs/common';
import { Clock, IdGenerator, PasswordHasher, Presence, provideUseCase, RateLimiter } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { ChannelsController } from './adapters/in/http/channels.controller';
import { provideWithActivity } from './adapters/out/activity/provide-with-activity';
import { ACTIVITY, FUNDS, NOTICES } from './adapters/out/optional-ports';
import { provideWithOptionalPorts } from './adapters/out/provide-with-optional-port';
import { provideWithVisibility } from './adapters/out/visibility/provide-with-visibility';
import { EventBusChannelEvents } from './adapters/out/events/event-bus-channel-events.adapter';
import { TypeormChannelStore } from './adapters/out/typeorm/typeorm-channel-store.adapter';
import { UserLibraryDirectory } from './adapters/out/user-directory/user-library-directory.adapter';
import { AdvanceReadMark } from './application/advance-read-mark.use-case';
import { AdvanceSendersReadMarks } from './application/advance-senders-read-marks.use-case';
import { ChannelAccess } from './application/channel-access';
import { ChannelMemberIds } from './application/channel-member-ids';
import { ChannelReadMarks } from './application/channel-read-marks';
import { CheckMessageAccess } from './application/check-message-access.use-case';
import { CreateChannel } from './application/create-channel.use-case';
import { FindChannelOwner } from './application/find-channel-owner.use-case';
import { FindChannelRole } from './application/find-channel-role.use-case';
import { GetChannel } from './application/get-channel.use-case';
import { HoldChannelOpen } from './application/hold-channel-open.use-case';
import { InviteMembers } from './application/invite-members.use-case';
import { JoinChannel } from './application/join-channel.use-case';
import { LeaveAllChannels } from './application/leave-all-channels.use-case';
import { LeaveChannel } from './application/leave-channel.use-case';
import { ListMembers } from './application/list-members.use-case';
import { ListMyChannels } from './application/list-my-channels.use-case';
import { MemberViews } from './application/member-views';
import { OpenDirectChannel } from './application/open-direct-channel.use-case';
import { ChannelEvents } from './application/ports/channel-events.port';
import { ChannelStore } from './application/ports/channel-store.port';
import { ChannelUserDirectory } from './application/ports/channel-user-directory.port';
import { SearchChannels } from './application/search-channels.use-case';

/**
 * Group and direct channels, memberships, and the events that keep socket rooms in step.
 * Unread counts, last messages and new members' read marks come from the ChannelActivity
 * port, which the chat module provides globally (no messages without it); whether a channel
 * holds money (the last member may not leave then) from ChannelFunds, which the wallet
 * module provides globally (no money without it); the SYSTEM notices of joins, leaves and invites
 * from MembershipNotices, which the chat module provides globally (none without it); who may see a member online from the platform's
 * PresenceVisibility, which the contact module provides globally. The channel library imports none of them.
 */
@Module({
  imports: [UserModule],
  controllers: [ChannelsController],
  providers: [
    { provide: ChannelStore, useClass: TypeormChannelStore },
    { provide: ChannelUserDirectory, useClass: UserLibraryDirectory },
    { provide: ChannelEvents, useClass: EventBusChannelEvents },
    provideUseCase(ChannelAccess, [ChannelStore]),
    provideUseCase(ChannelMemberIds, [ChannelStore]),
    provideUseCase(ChannelReadMarks, [ChannelStore]),
    provideWithVisibility(MemberViews, [ChannelUserDirectory, Presence]),
    provideUseCase(CreateChannel, [ChannelStore, PasswordHasher, ChannelEvents, IdGenerator, Clock]),
    provideUseCase(GetChannel, [ChannelAccess]),
    provideWithActivity(ListMyChannels, [ChannelStore]),
    provideUseCase(SearchChannels, [ChannelStore]),
    provideUseCase(OpenDirectChannel, [ChannelStore, ChannelUserDirectory, ChannelEvents, IdGenerator, Clock]),
    provideWithOptionalPorts(JoinChannel, [ChannelStore, PasswordHasher, ChannelEvents, Clock, RateLimiter], [ACTIVITY, NOTICES]),
    provideWithOptionalPorts(LeaveChannel, [ChannelStore, ChannelAccess, ChannelEvents], [FUNDS, NOTICES]),
    provideWithOptionalPorts(LeaveAllChannels, [ChannelStore, ChannelEvents], [FUNDS, NOTICES]),
    provideUseCase(ListMembers, [ChannelStore, ChannelAccess, MemberViews]),
    provideWithOptionalPorts(InviteMembers, [ChannelStore, ChannelAccess, ChannelUserDirectory, MemberViews, ChannelEvents, Clock], [ACTIVITY, NOTICES]),
    provideUseCase(CheckMessageAccess, [ChannelAccess]),
    provideUseCase(AdvanceReadMark, [ChannelStore, ChannelAccess]),
    provideUseCase(AdvanceSendersReadMarks, [ChannelStore]),
    provideUseCase(FindChannelRole, [ChannelStore]),
    provideUseCase(FindChannelOwner, [ChannelStore]),
    provideUseCase(HoldChannelOpen, [ChannelStore]),
  ],
  // For the chat library: room membership, channel:added payloads, who may read a channel's messages, read marks.
  // For the wallet library: members' roles and the owner (group wallet rules, ADMIN hand-over), and
  // holding a channel open inside a money move's transaction (no deposit lands in a deleted channel's wallet).
  // For the app's account deletion: leaving every channel inside its transaction.
  exports: [LeaveAllChannels, ChannelMemberIds, ChannelReadMarks, GetChannel, CheckMessageAccess, AdvanceReadMark, AdvanceSendersReadMarks, FindChannelRole, FindChannelOwner, HoldChannelOpen],
})
export class ChannelModule {}
