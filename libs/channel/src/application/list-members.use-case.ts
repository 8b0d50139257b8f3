import { ChannelAccess } from './channel-access';
import { MemberView, MemberViews } from './member-views';
import { ChannelStore } from './ports/channel-store.port';

export class ListMembers {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
    private readonly views: MemberViews,
  ) {}

  /** Members in joining order; a public channel's members are readable by anyone signed in (online as presence privacy allows). */
  async execute(userId: string, channelId: string): Promise<MemberView[]> {
    await this.access.visible(userId, channelId);
    return this.views.of(await this.channels.listMembers(channelId), userId);
  }
}
