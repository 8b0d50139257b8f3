import { Injectable } from '@nestjs/common';
import { FindChannelOwner, FindChannelRole } from '@webchat/channel';
import { ChannelRole, WalletChannels } from '../../../application/ports/wallet-channels.port';

/** WalletChannels through the channel library's public use cases. */
@Injectable()
export class ChannelLibraryDirectory extends WalletChannels {
  constructor(
    private readonly findRole: FindChannelRole,
    private readonly findOwner: FindChannelOwner,
  ) {
    super();
  }

  roleOf(channelId: string, userId: string): Promise<ChannelRole | undefined> {
    return this.findRole.execute(channelId, userId);
  }

  ownerOf(channelId: string): Promise<string | undefined> {
    return this.findOwner.execute(channelId);
  }
}
