import { ChannelView } from '../domain/channel';
import { ChannelAccess } from './channel-access';

export class GetChannel {
  constructor(private readonly access: ChannelAccess) {}

  async execute(userId: string, channelId: string): Promise<ChannelView> {
    return (await this.access.visible(userId, channelId)).channel;
  }
}
