import type { Socket } from 'socket.io';

/** Who a socket belongs to, set once by the handshake check. */
export interface SocketUser {
  readonly id: string;
  readonly name: string;
  readonly tokenId: string;
  readonly tokenIssuedAtMs: number;
}

export function socketUser(socket: Socket): SocketUser {
  return (socket.data as { user: SocketUser }).user;
}
