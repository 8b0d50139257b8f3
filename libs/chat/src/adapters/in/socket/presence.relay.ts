import { ChannelMemberIds } from '@webchat/channel';
import { ContactIds } from '@webchat/contact';
import type { PresenceChange } from '@webchat/platform';
import type { Server } from 'socket.io';
import { hasLocalSockets } from './local-sockets';
import { userRoom } from './socket-rooms';

/**
 * `presence` to a user's channel peers and contacts who have sockets on this node; every node
 * does this for its own sockets, so each socket hears of a change once.
 */
export class PresenceRelay {
  constructor(
    private readonly server: Server,
    private readonly memberIds: ChannelMemberIds,
    private readonly contacts: ContactIds,
  ) {}

  async announce(change: PresenceChange): Promise<void> {
    if (this.server.sockets.sockets.size === 0) return;
    const channelIds = await this.memberIds.channelsOf(change.userId);
    const peers = await Promise.all(channelIds.map((channelId) => this.memberIds.ofChannel(channelId)));
    const audience = new Set([...peers.flat(), ...(await this.contacts.of(change.userId))]);
    audience.delete(change.userId);
    const event = { userId: change.userId, status: change.online ? 'online' : 'offline' };
    for (const userId of audience) if (hasLocalSockets(this.server, userId)) this.server.to(userRoom(userId)).emit('presence', event);
  }
}
