import { Membership } from '../domain/membership';
import { ChannelAccess } from './channel-access';

/**
 * Who may read and write a channel's messages: its members only. Answers the membership
 * (with the read mark); a public channel's non-member gets NotChannelMemberError (403),
 * anyone else who is not a member ChannelNotFoundError (404), as for an unknown channel.
 */
export class CheckMessageAccess {
  constructor(private readonly access: ChannelAccess) {}

  async execute(userId: string, channelId: string): Promise<Membership> {
    return (await this.access.asMember(userId, channelId)).membership;
  }
}
