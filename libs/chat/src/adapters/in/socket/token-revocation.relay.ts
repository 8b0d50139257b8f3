import type { Server } from 'socket.io';
import { revokes, TokensRevoked } from '@webchat/platform';
import { hasLocalSockets } from './local-sockets';
import { userRoom } from './socket-rooms';
import { SocketUser } from './socket-user';

/**
 * Every node hears every revocation (logout, password change, deleted account) and disconnects
 * its own sockets that connected with a revoked token; new connections with it already fail
 * the handshake's token check.
 */
export class TokenRevocationRelay {
  constructor(private readonly server: Server) {}

  async apply(event: TokensRevoked): Promise<void> {
    if (!hasLocalSockets(this.server, event.userId)) return;
    // Local only: the default in-memory adapter answers this node's sockets, and every node hears the event.
    const sockets = await this.server.in(userRoom(event.userId)).fetchSockets();
    for (const socket of sockets) {
      const user = (socket.data as { user: SocketUser }).user;
      if (revokes(event, { id: user.tokenId, issuedAtMs: user.tokenIssuedAtMs })) socket.disconnect(true);
    }
  }
}
