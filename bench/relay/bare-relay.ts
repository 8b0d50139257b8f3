/**
 * The baseline: a bare socket.io relay with WebChat's event shapes and nothing else (no auth, no
 * store, no bus, no rate limit). A client names itself and its channels in the handshake
 * (`auth: {userId, name, channels}`); `message:send` gets a seq per channel, the same ack and the
 * same `message:new` broadcast as WebChat. Run as its own process: prints `listening <port>`.
 *
 *   node --import tsx bench/relay/bare-relay.ts [port]
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

interface RelayAuth {
  userId: string;
  name: string;
  channels: string[];
}

const lastSeq = new Map<string, number>();
const http = createServer((request, response) => {
  // The bench reads every server's CPU time the same way, from a Prometheus-style line.
  if (request.url === '/metrics') {
    const used = process.cpuUsage();
    response.end(`process_cpu_seconds_total ${(used.user + used.system) / 1e6}\n`);
    return;
  }
  response.statusCode = 404;
  response.end();
});
// Same engine settings as the WebChat gateway.
const io = new Server(http, { cors: { origin: true }, maxHttpBufferSize: 128 * 1024 });

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as RelayAuth;
  void socket.join(auth.channels.map((id) => `channel:${id}`));
  socket.on('message:send', (payload: { channelId: string; clientMsgId: string; text: string }, ack: (answer: unknown) => void) => {
    const seq = (lastSeq.get(payload.channelId) ?? 0) + 1;
    lastSeq.set(payload.channelId, seq);
    const message = {
      id: randomUUID(),
      channelId: payload.channelId,
      seq,
      type: 'TEXT',
      senderId: auth.userId,
      senderName: auth.name,
      text: payload.text,
      clientMsgId: payload.clientMsgId,
      createdAt: new Date().toISOString(),
    };
    io.to(`channel:${payload.channelId}`).emit('message:new', message);
    ack({ ok: true, message });
  });
});

http.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
