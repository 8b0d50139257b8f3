import { ChannelStore } from './ports/channel-store.port';

/**
 * Who is in which channel, for other libraries that keep their own view of it
 * (the chat gateway's rooms and its membership cache): ids only, no access rules.
 */
export class ChannelMemberIds {
  constructor(private readonly channels: ChannelStore) {}

  async ofChannel(channelId: string): Promise<string[]> {
    return (await this.channels.listMembers(channelId)).map((member) => member.userId);
  }

  /** Who shares a channel with the user (only those among `among`, when given), in one read. */
  peersOf(userId: string, among?: readonly string[]): Promise<string[]> {
    return this.channels.peersOf(userId, among);
  }

  async channelsOf(userId: string): Promise<string[]> {
    return (await this.channels.listForMember(userId)).map((mine) => mine.channel.id);
  }
}
