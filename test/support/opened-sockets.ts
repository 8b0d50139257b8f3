import type { Socket } from 'socket.io-client';

/** Remembers the sockets a suite's tests open and closes them after each test; `keep` answers the socket it was given. */
export function socketsClosedAfterEach(): { keep(socket: Socket): Socket } {
  let sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets) socket.close();
    sockets = [];
  });
  return {
    keep(socket) {
      sockets.push(socket);
      return socket;
    },
  };
}
