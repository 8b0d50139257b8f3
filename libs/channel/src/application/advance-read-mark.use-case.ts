import { NotChannelMemberError } from '../domain/channel.errors';
import { ChannelAccess } from './channel-access';
import { ChannelStore } from './ports/channel-store.port';

/**
 * Moves a member's read mark up to `seq`, never back (the caller clamps `seq` to the
 * channel's last message). Resolves whether the mark moved; a non-member gets the same
 * error as from CheckMessageAccess.
 */
export class AdvanceReadMark {
  constructor(
    private readonly channels: ChannelStore,
    private readonly access: ChannelAccess,
  ) {}

  async execute(userId: string, channelId: string, seq: number): Promise<boolean> {
    const advance = await this.channels.advanceReadMark(channelId, userId, seq);
    if (advance) return advance.moved;
    // Not a member (any more): the access rules say which error that is.
    await this.access.asMember(userId, channelId);
    throw new NotChannelMemberError();
  }
}
