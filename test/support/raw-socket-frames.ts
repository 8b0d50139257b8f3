import type { Socket } from 'socket.io-client';
import { jsonOfHostile } from './hostile-input';

let nextRawAckId = 1_000_000;

/**
 * Emits an event with an ack as a raw socket.io frame written to the engine: what a hostile
 * client sends when socket.io-client's own encoder cannot (it recurses into the payload, so
 * thousands of nesting levels overflow its stack before anything is sent). JSON only, no binary.
 */
export function rawEmitWithAck(socket: Socket, event: string, args: unknown[], timeoutMs: number): Promise<unknown> {
  const id = (nextRawAckId += 1);
  const engine = socket.io.engine;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      engine.off('message', onMessage);
      reject(new Error(`no ack to the raw ${event} frame within ${timeoutMs} ms`));
    }, timeoutMs);
    // An ack of the default namespace: packet type 3, the id, then the JSON array of its arguments.
    const onMessage = (data: unknown) => {
      if (typeof data !== 'string' || !data.startsWith(`3${id}[`)) return;
      clearTimeout(timer);
      engine.off('message', onMessage);
      resolve((JSON.parse(data.slice(`3${id}`.length)) as unknown[])[0]);
    };
    engine.on('message', onMessage);
    // Packet type 2 (EVENT) of the default namespace, with an ack id.
    engine.write(`2${id}${jsonOfHostile([event, ...args])}`);
  });
}
