import type { Server } from 'socket.io';

/** The parts of engine.io's WebSocket transport (and of ws under it) this relies on. */
interface WebSocketTransport {
  readonly name: string;
  send(packets: unknown[]): void;
  readonly socket?: { readonly _socket?: { cork(): void; uncork(): void; readonly destroyed: boolean } };
}
interface EngineConnection {
  readonly transport: WebSocketTransport;
  on(event: 'upgrade', listener: (transport: WebSocketTransport) => void): void;
}

/**
 * engine.io writes every packet as a WebSocket frame of its own, and ws hands each frame to the
 * kernel at once: one writev per message per recipient, the server's largest cost under load
 * (the profiles of the k6 spike). Corking a connection's TCP socket from its first write of a
 * turn of the event loop until the end of that turn lets a burst (a stored batch's deliveries and
 * acks) leave in one writev. Nothing is held longer than the turn; ws's own cork/uncork pairs nest.
 */
export function coalesceWebSocketWrites(server: Server): void {
  server.engine.on('connection', (connection: EngineConnection) => {
    corkPerTurn(connection.transport);
    connection.on('upgrade', corkPerTurn);
  });
}

function corkPerTurn(transport: WebSocketTransport): void {
  const tcp = transport.socket?._socket;
  if (transport.name !== 'websocket' || !tcp) return;
  const send = transport.send.bind(transport);
  let corked = false;
  transport.send = (packets) => {
    if (!corked && !tcp.destroyed) {
      corked = true;
      tcp.cork();
      setImmediate(() => {
        corked = false;
        tcp.uncork();
      });
    }
    send(packets);
  };
}
