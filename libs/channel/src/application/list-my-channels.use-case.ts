import { ChannelStore, MyChannel } from './ports/channel-store.port';

export class ListMyChannels {
  constructor(private readonly channels: ChannelStore) {}

  execute(userId: string): Promise<MyChannel[]> {
    return this.channels.listForMember(userId);
  }
}
