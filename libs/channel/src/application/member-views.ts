import { Presence } from '@webchat/platform/kernel';
import { ChannelUserDirectory } from './ports/channel-user-directory.port';

export interface MemberView {
  readonly id: string;
  readonly username: string;
  readonly online: boolean;
}

/** Turns memberships into what clients see of members: name and online state. */
export class MemberViews {
  constructor(
    private readonly users: ChannelUserDirectory,
    private readonly presence: Presence,
  ) {}

  async of(members: readonly { userId: string }[]): Promise<MemberView[]> {
    const ids = members.map((member) => member.userId);
    const [users, online] = await Promise.all([this.users.findByIds(ids), this.presence.onlineAmong(ids)]);
    const nameOf = new Map(users.map((user) => [user.id, user.username]));
    return ids
      .filter((id) => nameOf.has(id))
      .map((id) => ({ id, username: nameOf.get(id) as string, online: online.has(id) }));
  }
}
