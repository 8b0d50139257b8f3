import { Injectable } from '@nestjs/common';
import { FindChannelOwner } from '@webchat/channel';
import { ChannelOwnership } from '../../../application/ports/channel-ownership.port';

/** Channel owners, kept by the channel library: one read per delete (deletes are rare; ownership moves on leave). */
@Injectable()
export class ChannelLibraryOwnership extends ChannelOwnership {
  constructor(private readonly owners: FindChannelOwner) {
    super();
  }

  async isOwner(channelId: string, userId: string): Promise<boolean> {
    return (await this.owners.execute(channelId)) === userId;
  }
}
