import { Presence, PresenceVisibility } from '@webchat/platform/kernel';
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
    private readonly visibility: PresenceVisibility,
  ) {}

  /**
   * The members as `viewerId` sees them: a member of the channel shares it with all of them; anyone
   * else (reading a public channel) sees online only those presence privacy lets them see.
   */
  async of(members: readonly { userId: string }[], viewerId: string): Promise<MemberView[]> {
    const ids = members.map((member) => member.userId);
    const [users, online, visible] = await Promise.all([
      this.users.findByIds(ids),
      this.presence.onlineAmong(ids),
      ids.includes(viewerId) ? new Set(ids) : this.visibility.visibleTo(viewerId, ids),
    ]);
    const nameOf = new Map(users.map((user) => [user.id, user.username]));
    return ids
      .filter((id) => nameOf.has(id))
      .map((id) => ({ id, username: nameOf.get(id) as string, online: online.has(id) && visible.has(id) }));
  }
}
