import { randomBytes } from 'node:crypto';
import { createMysqlSchema, describeOnKafka, isMysqlAvailable } from '@webchat/platform/testing';
import type { Socket } from 'socket.io-client';
import { buildServer, RunningServer, startEmbeddedServer } from '../bench/support/server-process';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { clusterNodeEnv } from './support/cluster-node-env';
import { TEST_JWT_SECRET } from './support/test-app';

type SendAck = { ok: true; message: { id: string; seq: number } } | { ok: false; error: { code: string } };

// The compiled server (`node dist/apps/server/src/main.js`, as `npm start` runs it) as two real
// processes on MariaDB and Kafka, stopped with a real SIGTERM.
describeOnKafka('two server processes on Kafka and MariaDB', () => {
  let schema: Awaited<ReturnType<typeof createMysqlSchema>>;
  const servers: RunningServer[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!isMysqlAvailable()) throw new Error('this test needs MariaDB as well as Kafka');
    buildServer();
    schema = await createMysqlSchema();
  }, 180_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(servers.map((server) => server.stop()));
    await schema?.drop();
  }, 30_000);

  it('exchanges messages across processes, and a SIGTERM mid-stream loses no acked message', async () => {
    const suffix = randomBytes(4).toString('hex');
    // The compiled server reads its secret and hashing cost from its own environment.
    const env = (nodeId: string) => ({ ...clusterNodeEnv(schema.url, suffix, nodeId), JWT_SECRET: TEST_JWT_SECRET, ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' });
    const one = await startEmbeddedServer(env('proc-1'));
    servers.push(one);
    const two = await startEmbeddedServer(env('proc-2'));
    servers.push(two);

    const signUp = async (name: string) => {
      const email = `${name}.${suffix}@example.com`;
      const password = 'password-123';
      const post = (path: string, body: object, token?: string) =>
        fetch(`${one.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      const id = ((await (await post('/api/auth/signup', { email, username: name, password })).json()) as { id: string }).id;
      const token = ((await (await post('/api/auth/login', { email, password })).json()) as { accessToken: string }).accessToken;
      return { id, token, post: (path: string, body: object) => post(path, body, token) };
    };
    const [ana, ben] = [await signUp('ana'), await signUp('ben')];
    const channelId = ((await (await ana.post('/api/channels', { name: 'processes' })).json()) as { id: string }).id;
    expect((await ben.post(`/api/channels/${channelId}/join`, {})).status).toBe(200);

    const anaSocket = await connectChat(one.url, ana.token);
    const benSocket = await connectChat(two.url, ben.token);
    sockets.push(anaSocket, benSocket);
    const atAna = collect<{ seq: number }>(anaSocket, 'message:new');
    const payload = (n: number) => ({ channelId, clientMsgId: `p-${n}`, text: `from process two ${n}` });

    // A stream from the socket on process two, in waves of ten, that runs into its SIGTERM.
    const acks: Array<SendAck | undefined> = [];
    const stream = (async () => {
      for (let n = 0; n < 400; n += 10) {
        if (!benSocket.connected) {
          acks.push(...Array.from({ length: 400 - n }, () => undefined));
          break;
        }
        acks.push(...(await Promise.all(Array.from({ length: 10 }, (_, k) => ask<SendAck>(benSocket, 'message:send', payload(n + k)).catch(() => undefined)))));
      }
    })();
    await eventually(() => acks.filter((ack) => ack?.ok).length >= 100, 'the first acks', 15_000);
    const stopStarted = Date.now();
    await two.stop();
    const stopTook = Date.now() - stopStarted;
    await stream;

    expect(stopTook).toBeLessThan(10_000);
    const acked = acks.flatMap((ack) => (ack?.ok ? [ack.message] : []));
    await eventually(() => atAna.length >= acked.length, 'the acked messages at the other process', 15_000);
    const retried = await Promise.all(acks.map((ack, n) => (ack?.ok ? ack : ask<SendAck>(anaSocket, 'message:send', payload(n)))));
    expect(retried.filter((ack) => !ack.ok)).toEqual([]);
    const seqs = retried.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 400 }, (_, n) => n + 1));
    for (const message of acked) expect(retried.find((ack) => ack.ok && ack.message.id === message.id)).toBeDefined();
    // eslint-disable-next-line no-console
    console.log(`SIGTERM to a server process took ${stopTook} ms; ${acked.length} of 400 sends acked by it, the rest retried on the other process`);
  }, 120_000);
});
