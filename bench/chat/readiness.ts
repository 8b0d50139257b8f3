import { randomBytes, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { call } from './webchat-population';

const QUICK_ACK_MS = 500;
const QUICK_IN_A_ROW = 3;
const GIVE_UP_MS = 90_000;

/**
 * Waits until a message sent on each node is acked quickly a few times in a row: on Kafka a fresh
 * node's consumer groups take seconds to get their partitions, and the run must not measure that.
 * A probe user of its own, in a channel of its own, so the run's counts never see it.
 */
export async function waitUntilChatReady(urls: readonly string[], log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const email = `bench-probe-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'bench-password-123';
  await call(urls[0], 'POST', '/api/auth/signup', { email, username: 'bench probe', password });
  const { accessToken } = await call<{ accessToken: string }>(urls[0], 'POST', '/api/auth/login', { email, password });
  const { id: channelId } = await call<{ id: string }>(urls[0], 'POST', '/api/channels', { name: 'bench probe' }, accessToken);
  for (const url of urls) {
    const socket = io(url, { auth: { token: accessToken }, transports: ['websocket'], forceNew: true });
    try {
      let quick = 0;
      while (quick < QUICK_IN_A_ROW) {
        if (Date.now() - started > GIVE_UP_MS) throw new Error(`${url} did not ack a message within ${QUICK_ACK_MS} ms in ${GIVE_UP_MS / 1000} s`);
        const sent = Date.now();
        const ack = (await socket
          .timeout(5_000)
          .emitWithAck('message:send', { channelId, clientMsgId: randomUUID(), text: 'probe' })
          .catch(() => undefined)) as { ok: boolean } | undefined;
        quick = ack?.ok && Date.now() - sent < QUICK_ACK_MS ? quick + 1 : 0;
        if (quick === 0) await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      socket.close();
    }
  }
  log(`  chat ready on ${urls.length} node(s) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
