import { Injectable } from '@nestjs/common';
import { ChannelNotFoundError, CheckMessageAccess, GetChannel, NotChannelMemberError } from '@webchat/channel';
import { ChatMembership } from '@webchat/chat';
import { PushChannels } from '../../../application/ports/push-channels.port';
import { PushChannel } from '../../../domain/push-notification';

/** PushChannels answered by the channel library's use cases, and members by the chat library's in-memory membership (no read per batch). */
@Injectable()
export class LibraryPushChannels extends PushChannels {
  constructor(
    private readonly access: CheckMessageAccess,
    private readonly membership: ChatMembership,
    private readonly getChannel: GetChannel,
  ) {
    super();
  }

  async requireMember(userId: string, channelId: string): Promise<void> {
    await this.access.execute(userId, channelId);
  }

  async membersOf(channelId: string): Promise<string[]> {
    return [...(await this.membership.membersOf(channelId))];
  }

  async describe(channelId: string, memberId: string): Promise<PushChannel | undefined> {
    try {
      const { id, kind, name, isPrivate } = await this.getChannel.execute(memberId, channelId);
      return { id, kind, name, isPrivate };
    } catch (error) {
      // Deleted, or the member left and may not see it any more: nothing to tell them.
      if (error instanceof ChannelNotFoundError || error instanceof NotChannelMemberError) return undefined;
      throw error;
    }
  }
}
