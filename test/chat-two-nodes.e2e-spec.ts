import { describeOnKafka } from '@webchat/platform/testing';
import type { Socket } from 'socket.io-client';
import { ask, collect, eventually } from './support/chat-client';
import { ProcessCluster, ProcessUser } from './support/process-cluster';

interface MessageJson {
  id: string;
  channelId: string;
  seq: number;
  type: string;
  senderId: string;
  text: string;
  unreadCount: number;
}
type SendAck = { ok: true; message: MessageJson } | { ok: false; error: { code: string } };

const seqsUpTo = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
/** Seqs 2 … n + 1: after a join notice (seq 1). */
const seqsAfterNotice = (n: number) => Array.from({ length: n }, (_, k) => k + 2);
/** What a socket got of the members' messages: its join notice may arrive too (it was stored before the socket connected, and delivered around then). */
const textsOf = (received: readonly MessageJson[]) => received.filter((message) => message.type === 'TEXT');

// Real server processes (`node dist/apps/server/src/main.js`, as `npm start` runs it) on one
// MariaDB schema and one Kafka cluster, as in production. Two nodes start once for the file;
// a third joins mid-traffic and another is stopped with a real SIGTERM mid-stream.
describeOnKafka('chat across server processes (BUS=kafka, DB=mysql)', () => {
  let cluster: ProcessCluster;
  const createChannel = async (user: ProcessUser, name: string) =>
    (await cluster.expect<{ id: string }>(201, 'node-1', 'POST', '/api/channels', user, { name })).id;

  beforeAll(async () => {
    cluster = await ProcessCluster.start(['node-1', 'node-2']);
  }, 180_000);
  afterEach(() => cluster?.closeSockets());
  afterAll(async () => {
    await cluster?.close();
  }, 30_000);

  it('exchanges 1,000 messages between users on different nodes: each delivered once, in order, stored once', async () => {
    const ana = await cluster.signUp('node-1', 'Ana');
    const ben = await cluster.signUp('node-2', 'Ben');
    const channelId = await createChannel(ana, 'across');
    await cluster.expect(200, 'node-2', 'POST', `/api/channels/${channelId}/join`, ben, {});
    expect(await cluster.storedNotice('node-1', ana, channelId, 'Ben joined')).toBe(1);
    const [anaSocket, benSocket] = [await cluster.connect('node-1', ana), await cluster.connect('node-2', ben)];
    const atAna = collect<MessageJson>(anaSocket, 'message:new');
    const atBen = collect<MessageJson>(benSocket, 'message:new');

    const sends = [
      ...Array.from({ length: 500 }, (_, n) => ask<SendAck>(anaSocket, 'message:send', { channelId, clientMsgId: `a-${n}`, text: `from Ana ${n}` })),
      ...Array.from({ length: 500 }, (_, n) => ask<SendAck>(benSocket, 'message:send', { channelId, clientMsgId: `b-${n}`, text: `from Ben ${n}` })),
    ];
    const acks = await Promise.all(sends);

    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqsAfterNotice(1000));
    await eventually(() => textsOf(atAna).length >= 1000 && textsOf(atBen).length >= 1000, '1,000 deliveries on both nodes', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const received of [atAna, atBen]) expect(textsOf(received).map((message) => message.seq)).toEqual(seqs);
    // Each node counts a stored batch itself: the other member has not read a new message, unless
    // they sent a later one (sending moves one's mark); the last message is unread by the other.
    const counts = [...acks.map((ack) => (ack.ok ? ack.message : undefined)), ...atAna, ...atBen];
    expect(counts.filter((message) => message?.unreadCount !== 0 && message?.unreadCount !== 1)).toEqual([]);
    const last = acks.find((ack) => ack.ok && ack.message.seq === 1001);
    expect(last?.ok && last.message.unreadCount).toBe(1);
    for (const received of [atAna, atBen]) expect(received[received.length - 1]).toMatchObject({ seq: 1001, unreadCount: 1 });
    // Stored once: history (read on the other node) holds the join notice and exactly the acked messages, in seq order.
    const stored = await cluster.history<MessageJson>('node-2', ben, channelId);
    expect(stored[0]).toMatchObject({ seq: 1, type: 'SYSTEM', text: 'Ben joined' });
    expect(stored.slice(1).map((message) => message.seq)).toEqual(seqs);
    const ackedIdBySeq = new Map(acks.map((ack) => (ack.ok ? [ack.message.seq, ack.message.id] : [0, ''])));
    expect(stored.slice(1).filter((message) => ackedIdBySeq.get(message.seq) !== message.id)).toEqual([]);
    // Each process has its own metrics: both published drafts; the persisting (the stored batches'
    // publish and the lag per partition) shows on whichever node owns the channel's partition.
    const metrics = await Promise.all(['node-1', 'node-2'].map((nodeId) => cluster.expect<string>(200, nodeId, 'GET', '/metrics')));
    for (const text of metrics) expect(text).toMatch(/^chat_bus_publish_seconds_count\{topic="messages"\} [1-9]/m);
    expect(metrics.join('\n')).toMatch(/^chat_bus_publish_seconds_count\{topic="persisted"\} [1-9]/m);
    expect(metrics.join('\n')).toMatch(/^chat_persist_consumer_lag\{partition="\d+"\} \d+/m);
  }, 60_000);

  it('carries channel:added, typing, presence and a retried clientMsgId across nodes', async () => {
    const cho = await cluster.signUp('node-1', 'Cho');
    const dan = await cluster.signUp('node-2', 'Dan');
    const [choSocket, danSocket] = [await cluster.connect('node-1', cho), await cluster.connect('node-2', dan)];
    const addedAtDan = collect<{ channel: { id: string } }>(danSocket, 'channel:added');
    const typingAtDan = collect<{ userId: string }>(danSocket, 'typing');

    const direct = await cluster.expect<{ id: string }>(201, 'node-1', 'POST', '/api/channels/direct', cho, { userId: dan.id });
    await eventually(() => addedAtDan.length === 1, 'channel:added on the other node', 10_000);
    expect(addedAtDan[0].channel.id).toBe(direct.id);

    await ask(choSocket, 'typing', { channelId: direct.id });
    await eventually(() => typingAtDan.length === 1, 'typing on the other node', 10_000);
    expect(typingAtDan[0].userId).toBe(cho.id);

    // Dan's online state as Cho's node answers it (they share the direct channel).
    const danOnlineAtOne = async () => {
      const members = await cluster.expect<Array<{ id: string; online: boolean }>>(200, 'node-1', 'GET', `/api/channels/${direct.id}/members`, cho);
      return members.find((member) => member.id === dan.id)?.online;
    };
    const presenceAtCho = collect<{ userId: string; status: string }>(choSocket, 'presence');
    // Presence privacy holds on every node: Eli keeps Dan, but Dan does not keep Eli and they share no channel.
    const eli = await cluster.signUp('node-1', 'Eli');
    await cluster.expect(201, 'node-1', 'POST', '/api/contacts', eli, { email: dan.email });
    const presenceAtEli = collect<{ userId: string }>(await cluster.connect('node-1', eli), 'presence');
    const danAgain = await cluster.connect('node-2', dan);
    danAgain.close();
    danSocket.close();
    await eventually(() => presenceAtCho.some((event) => event.status === 'offline'), 'offline across nodes', 10_000);
    expect(presenceAtCho.filter((event) => event.userId === dan.id).map((event) => event.status)).toEqual(['offline']);
    expect(await danOnlineAtOne()).toBe(false);
    const danBack = await cluster.connect('node-2', dan);
    await eventually(() => presenceAtCho.length === 2, 'online across nodes', 10_000);
    expect(presenceAtCho[1]).toEqual({ userId: dan.id, status: 'online' });
    expect(await danOnlineAtOne()).toBe(true);
    const elisContacts = await cluster.expect<Array<{ id: string; online: boolean }>>(200, 'node-1', 'GET', '/api/contacts', eli);
    expect(elisContacts).toEqual([expect.objectContaining({ id: dan.id, online: false })]);
    expect(presenceAtEli).toEqual([]);

    // The same clientMsgId again, on the same node and on the other one: the first message each time.
    const danOnOne = await cluster.connect('node-1', dan);
    const first = await ask<SendAck>(danBack, 'message:send', { channelId: direct.id, clientMsgId: 'same', text: 'hi' });
    const retry = await ask<SendAck>(danBack, 'message:send', { channelId: direct.id, clientMsgId: 'same', text: 'hi' });
    const elsewhere = await ask<SendAck>(danOnOne, 'message:send', { channelId: direct.id, clientMsgId: 'same', text: 'hi' });
    expect(first.ok && retry.ok && retry.message.id === first.message.id).toBe(true);
    expect(first.ok && elsewhere.ok && elsewhere.message.id === first.message.id).toBe(true);
    expect(await cluster.history('node-1', cho, direct.id)).toHaveLength(1);
  }, 60_000);

  it('keeps seq gap-free and unique while a third node process joins the persist group mid-traffic (a rebalance)', async () => {
    const eve = await cluster.signUp('node-1', 'Eve');
    const channelIds: string[] = [];
    for (let n = 0; n < 6; n += 1) channelIds.push(await createChannel(eve, `spread ${n}`));
    const senders: Socket[] = [await cluster.connect('node-1', eve), await cluster.connect('node-2', eve)];
    const acks: SendAck[] = [];
    let fromThird = 0;
    let joining: Promise<void> | undefined;
    let joinedAtWave: number | undefined;
    let wavesSent = 0;
    let wavesWithThird = 0;
    // Waves of sends (paced under the per-user send rate) keep going while node-3 starts; ten more
    // once it is up, when it sends too.
    for (let wave = 0; wavesWithThird < 10; wave += 1) {
      if (wave === 5) {
        joining = cluster.addNode('node-3').then(async () => {
          senders.push(await cluster.connect('node-3', eve));
          joinedAtWave = wavesSent;
        });
        joining.catch(() => undefined);
      }
      if (wave > 5 && joinedAtWave === undefined) await Promise.race([joining, new Promise((resolve) => setTimeout(resolve, 150))]);
      const current = wave;
      if (senders.length === 3) wavesWithThird += 1;
      const sends = channelIds.flatMap((channelId, c) =>
        senders.map((socket, s) =>
          ask<SendAck>(socket, 'message:send', { channelId, clientMsgId: `w${current}-c${c}-s${s}`, text: `wave ${current}` }).then((ack) => {
            if (s === 2 && ack.ok) fromThird += 1;
            return ack;
          }),
        ),
      );
      acks.push(...(await Promise.all(sends)));
      wavesSent += 1;
    }
    await joining;
    const stop = await cluster.stopNode('node-3');

    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    expect(fromThird).toBe(10 * channelIds.length);
    for (const channelId of channelIds) {
      const acked = acks.flatMap((ack) => (ack.ok && ack.message.channelId === channelId ? [ack.message] : []));
      const stored = await cluster.history<MessageJson>('node-2', eve, channelId);
      expect(stored.map((message) => message.seq)).toEqual(seqsUpTo(acked.length));
      expect(new Set(stored.map((message) => message.id))).toEqual(new Set(acked.map((message) => message.id)));
    }
    // eslint-disable-next-line no-console
    console.log(`node-3 joined after wave ${joinedAtWave}; ${acks.length} sends over 6 channels; its SIGTERM took ${stop.tookMs} ms`);
  }, 120_000);

  it('loses no acked message and stores none twice when a node process gets SIGTERM mid-stream; the unacked ones go through another node on retry', async () => {
    await cluster.addNode('node-stopping');
    const ana = await cluster.signUp('node-1', 'Busy');
    const ben = await cluster.signUp('node-1', 'Watcher');
    const channelId = await createChannel(ana, 'busy');
    await cluster.expect(200, 'node-1', 'POST', `/api/channels/${channelId}/join`, ben, {});
    expect(await cluster.storedNotice('node-1', ana, channelId, 'Watcher joined')).toBe(1);
    const doomed = await cluster.connect('node-stopping', ana);
    const watcher = await cluster.connect('node-1', ben);
    const atWatcher = collect<MessageJson>(watcher, 'message:new');
    const total = 400;
    const payload = (n: number) => ({ channelId, clientMsgId: `busy-${n}`, text: `message ${n}` });

    // A steady stream, ten sends at a time, that goes on while the node stops.
    const acks: Array<SendAck | undefined> = [];
    const stream = (async () => {
      for (let n = 0; n < total; n += 10) {
        // Once the node has closed the socket, the rest of the stream is "not acked" too.
        if (!doomed.connected) {
          acks.push(...Array.from({ length: total - n }, () => undefined));
          break;
        }
        const wave = Array.from({ length: 10 }, (_, k) => ask<SendAck>(doomed, 'message:send', payload(n + k)).catch(() => undefined));
        acks.push(...(await Promise.all(wave)));
      }
    })();
    await eventually(() => acks.filter((ack) => ack?.ok).length >= 100, 'the first acks', 15_000);
    const stop = await cluster.stopNode('node-stopping');
    await stream;

    // One SIGTERM ends it, within 10 s, by its own shutdown (Nest re-raises the signal after its hooks).
    expect(stop.tookMs).toBeLessThan(10_000);
    expect(stop.signal === 'SIGTERM' || stop.code === 0).toBe(true);
    const acked = acks.flatMap((ack) => (ack?.ok ? [ack.message] : []));
    const storedAfterStop = new Set((await cluster.history<MessageJson>('node-1', ana, channelId)).map((message) => message.id));
    expect(acked.filter((message) => !storedAfterStop.has(message.id))).toEqual([]);
    await eventually(() => textsOf(atWatcher).length >= acked.length, 'the acked messages at the other node', 15_000);

    // Every send the stopped node did not ack, retried on the other node with its clientMsgId.
    const survivor = await cluster.connect('node-1', ana);
    const retried = await Promise.all(acks.map((ack, n) => (ack?.ok ? Promise.resolve(ack) : ask<SendAck>(survivor, 'message:send', payload(n)))));
    expect(retried.filter((ack) => !ack.ok)).toEqual([]);
    const seqs = retried.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(seqsAfterNotice(total));
    const stored = await cluster.history<MessageJson>('node-1', ana, channelId);
    expect(stored.map((message) => message.seq)).toEqual(seqsUpTo(total + 1));
    expect(new Set(stored.slice(1).map((message) => message.id))).toEqual(new Set(retried.map((ack) => (ack.ok ? ack.message.id : ''))));
    const refused = acks.filter((ack) => ack && !ack.ok).length;
    // eslint-disable-next-line no-console
    console.log(`SIGTERM took ${stop.tookMs} ms; of ${total} sends ${acked.length} were acked by it, ${refused} refused UNAVAILABLE, ${total - acked.length - refused} cut off; all retried elsewhere`);
    expect(acked.length).toBeLessThan(total);
  }, 120_000);
});
