import { Injectable } from '@nestjs/common';
import { ChannelMemberIds } from '@webchat/channel';
import { ChannelPeers } from '../../../application/ports/channel-peers.port';

/** Channel peers from the channel library's public ChannelMemberIds. */
@Injectable()
export class ChannelLibraryPeers extends ChannelPeers {
  constructor(private readonly memberIds: ChannelMemberIds) {
    super();
  }

  async of(userId: string, among?: readonly string[]): Promise<Set<string>> {
    return new Set(await this.memberIds.peersOf(userId, among));
  }
}
