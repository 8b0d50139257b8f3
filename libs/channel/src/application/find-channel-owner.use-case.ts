import { ChannelStore } from './ports/channel-store.port';

/** For other libraries (wallets): the owner of a group channel, undefined when there is none (gone, or direct). */
export class FindChannelOwner {
  constructor(private readonly channels: ChannelStore) {}

  async execute(channelId: string): Promise<string | undefined> {
    return (await this.channels.findById(channelId))?.ownerId ?? undefined;
  }
}
