import { MemberRole } from '../domain/membership';
import { ChannelStore } from './ports/channel-store.port';

/** For other libraries (wallets): the user's role in a channel, undefined when not a member. */
export class FindChannelRole {
  constructor(private readonly channels: ChannelStore) {}

  async execute(channelId: string, userId: string): Promise<MemberRole | undefined> {
    return (await this.channels.findMembership(channelId, userId))?.role;
  }
}
