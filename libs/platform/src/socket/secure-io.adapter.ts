import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { AllowedOrigins } from '../http/allowed-origins';
import { clientAddress } from '../http/client-address';
import { ConnectionsPerAddress } from './connections-per-address';

/**
 * The largest socket.io frame: a 4,000-character message (up to 16 kB of UTF-8) with room to spare,
 * so an oversized text still gets its VALIDATION ack; past it socket.io drops the connection
 * instead of buffering the frame.
 */
export const MAX_SOCKET_FRAME_BYTES = 128 * 1024;

export const ORIGIN_REFUSED = 'origin not allowed';
export const TOO_MANY_CONNECTIONS = 'too many connections from this address';

type SocketSettings = Pick<AppConfig, 'corsOrigins' | 'trustProxyHops' | 'socketConnectionsPerAddress'>;

/**
 * socket.io with the server's own rules, whatever a gateway's decorator says: the CORS
 * allow-list (checked on every handshake, WebSocket included, which browsers do not
 * subject to CORS), the frame size bound, and a bound on open connections per client address
 * (the address as the HTTP side sees it, TRUST_PROXY_HOPS included). A refused handshake never
 * reaches the token check.
 */
export class SecureIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly settings: SocketSettings,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = new AllowedOrigins(this.settings.corsOrigins);
    const connections = new ConnectionsPerAddress(this.settings.socketConnectionsPerAddress);
    const addressOf = (request: IncomingMessage) => clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.settings.trustProxyHops);
    const secured: Partial<ServerOptions> = {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
      cors: { origin: (origin, done) => done(null, origins.isListed(origin)) },
      allowRequest: (request, done) => {
        if (!origins.mayConnect(request.headers.origin, request.headers.host)) return done(ORIGIN_REFUSED, false);
        if (!connections.hasRoom(addressOf(request))) return done(TOO_MANY_CONNECTIONS, false);
        done(null, true);
      },
    };
    const server = super.createIOServer(port, secured) as Server;
    server.engine.on('connection', (socket: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => {
      socket.once('close', connections.opened(addressOf(socket.request)));
    });
    return server;
  }
}
