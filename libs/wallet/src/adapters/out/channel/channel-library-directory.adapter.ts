import { Injectable } from '@nestjs/common';
import { FindChannelOwner, FindChannelRole, HoldChannelOpen } from '@webchat/channel';
import { ChannelRole, WalletChannels } from '../../../application/ports/wallet-channels.port';

/** WalletChannels through the channel library's public use cases. */
@Injectable()
export class ChannelLibraryDirectory extends WalletChannels {
  constructor(
    private readonly findRole: FindChannelRole,
    private readonly findOwner: FindChannelOwner,
    private readonly holdChannelOpen: HoldChannelOpen,
  ) {
    super();
  }

  roleOf(channelId: string, userId: string): Promise<ChannelRole | undefined> {
    return this.findRole.execute(channelId, userId);
  }

  ownerOf(channelId: string): Promise<string | undefined> {
    return this.findOwner.execute(channelId);
  }

  holdOpen(channelId: string): Promise<boolean> {
    return this.holdChannelOpen.execute(channelId);
  }
}
