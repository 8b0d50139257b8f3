import type { Server } from 'socket.io';
import { userRoom } from './socket-rooms';

/** Every node hears every cluster event; only the nodes holding a user's sockets act on it. */
export function hasLocalSockets(server: Server, userId: string): boolean {
  return (server.sockets.adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
}
