import { io, Socket } from 'socket.io-client';

/** A socket.io client of the test server, connected (or failed) before it is handed over; `headers` go with its handshake (Origin, X-Forwarded-For). */
export async function connectChat(url: string, token: string | undefined, headers?: Record<string, string>): Promise<Socket> {
  const socket = io(url, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}

/** Emits and waits for the ack (5 s at most). */
export function ask<T = { ok: boolean; [key: string]: unknown }>(socket: Socket, event: string, ...payload: unknown[]): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...payload) as Promise<T>;
}

/** Collects every payload of one event a socket receives. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => void seen.push(payload));
  return seen;
}

/** Waits until `check` holds (polling), failing with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
