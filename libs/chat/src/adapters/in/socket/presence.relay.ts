import type { PresenceChange, PresenceVisibility } from '@webchat/platform';
import type { Server } from 'socket.io';
import { hasLocalSockets } from './local-sockets';
import { userRoom } from './socket-rooms';

/**
 * `presence` to those who may see the user (presence privacy: channel peers and the user's own
 * contacts) and have sockets on this node; every node does this for its own sockets, so each
 * socket hears of a change once.
 */
export class PresenceRelay {
  constructor(
    private readonly server: Server,
    private readonly visibility: PresenceVisibility,
  ) {}

  async announce(change: PresenceChange): Promise<void> {
    if (this.server.sockets.sockets.size === 0) return;
    const audience = await this.visibility.audienceOf(change.userId);
    const event = { userId: change.userId, status: change.online ? 'online' : 'offline' };
    for (const userId of audience) if (hasLocalSockets(this.server, userId)) this.server.to(userRoom(userId)).emit('presence', event);
  }
}
