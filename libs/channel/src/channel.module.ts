import { DynamicModule, Module, Type } from '@nestjs/common';
import { Clock, IdGenerator, PasswordHasher, Presence, provideUseCase, RateLimiter } from '@webchat/platform';
import { UserModule } from '@webchat/user';
import { ChannelsController } from './adapters/in/http/channels.controller';
import { NoChannelFunds } from './adapters/out/funds/no-channel-funds.adapter';
import { EventBusChannelEvents } from './adapters/out/events/event-bus-channel-events.adapter';
import { TypeormChannelStore } from './adapters/out/typeorm/typeorm-channel-store.adapter';
import { UserLibraryDirectory } from './adapters/out/user-directory/user-library-directory.adapter';
import { ChannelAccess } from './application/channel-access';
import { CreateChannel } from './application/create-channel.use-case';
import { FindChannelOwner } from './application/find-channel-owner.use-case';
import { FindChannelRole } from './application/find-channel-role.use-case';
import { GetChannel } from './application/get-channel.use-case';
import { InviteMembers } from './application/invite-members.use-case';
import { JoinChannel } from './application/join-channel.use-case';
import { LeaveChannel } from './application/leave-channel.use-case';
import { ListMembers } from './application/list-members.use-case';
import { ListMyChannels } from './application/list-my-channels.use-case';
import { MemberViews } from './application/member-views';
import { OpenDirectChannel } from './application/open-direct-channel.use-case';
import { ChannelEvents } from './application/ports/channel-events.port';
import { ChannelFunds } from './application/ports/channel-funds.port';
import { ChannelStore } from './application/ports/channel-store.port';
import { ChannelUserDirectory } from './application/ports/channel-user-directory.port';
import { SearchChannels } from './application/search-channels.use-case';

/** Group and direct channels, memberships, and the events that keep socket rooms in step. */
@Module({
  imports: [UserModule],
  controllers: [ChannelsController],
  providers: [
    { provide: ChannelStore, useClass: TypeormChannelStore },
    { provide: ChannelUserDirectory, useClass: UserLibraryDirectory },
    { provide: ChannelEvents, useClass: EventBusChannelEvents },
    provideUseCase(ChannelAccess, [ChannelStore]),
    provideUseCase(MemberViews, [ChannelUserDirectory, Presence]),
    provideUseCase(CreateChannel, [ChannelStore, PasswordHasher, ChannelEvents, IdGenerator, Clock]),
    provideUseCase(GetChannel, [ChannelAccess]),
    provideUseCase(ListMyChannels, [ChannelStore]),
    provideUseCase(SearchChannels, [ChannelStore]),
    provideUseCase(OpenDirectChannel, [ChannelStore, ChannelUserDirectory, ChannelEvents, IdGenerator, Clock]),
    provideUseCase(JoinChannel, [ChannelStore, PasswordHasher, ChannelEvents, Clock, RateLimiter]),
    provideUseCase(LeaveChannel, [ChannelStore, ChannelAccess, ChannelEvents, ChannelFunds]),
    provideUseCase(ListMembers, [ChannelStore, ChannelAccess, MemberViews]),
    provideUseCase(InviteMembers, [ChannelStore, ChannelAccess, ChannelUserDirectory, MemberViews, ChannelEvents, Clock]),
    provideUseCase(FindChannelRole, [ChannelStore]),
    provideUseCase(FindChannelOwner, [ChannelStore]),
    { provide: ChannelFunds, useClass: NoChannelFunds },
  ],
  exports: [FindChannelRole, FindChannelOwner],
})
export class ChannelModule {
  private static readonly withFundsOf = new Map<Type<ChannelFunds>, DynamicModule>();

  /**
   * The module with another answer to "does this channel hold money" (the wallet library's).
   * The same object for the same class, so the app and the wallet module import one instance.
   */
  static withFunds(funds: Type<ChannelFunds>): DynamicModule {
    const module = ChannelModule.withFundsOf.get(funds) ?? { module: ChannelModule, providers: [{ provide: ChannelFunds, useClass: funds }] };
    ChannelModule.withFundsOf.set(funds, module);
    return module;
  }
}
