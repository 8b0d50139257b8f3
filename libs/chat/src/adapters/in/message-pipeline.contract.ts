import { loadConfig } from '@webchat/platform';
import { randomUUID } from 'node:crypto';
import { MessageStore } from '../../application/ports/message-store.port';
import { ChatUnavailableError } from '../../domain/chat.errors';
import { Message } from '../../domain/message';
import { MessageChangeForbiddenError, MessageNotFoundError } from '../../domain/message.errors';
import { anyDate } from '../../testing/any-date';
import { AppendFailures, JournaledMessageStore, StoreJournal } from '../../testing/journaled-message-store';
import { PipelineTestNode, startPipelineTestNode } from '../../testing/pipeline-test-node';
import type { SharedMessageStores } from '../../testing/sqlite-message-files';

/** One bus for the nodes of a test: its settings, and how many nodes it can carry at once. */
export interface PipelineBus {
  /** BUS and the bus's own settings (on Kafka: brokers and a topic prefix of this test's own). */
  readonly env: Readonly<Record<string, string>>;
  /** The embedded mode is one process, so one node; Kafka carries several. */
  readonly maxNodes: number;
  close(): Promise<void>;
}

/** How long a test waits for deliveries that should arrive, and listens for ones that should not. */
export interface PipelineTiming {
  readonly deliveryTimeoutMs: number;
  readonly quietPeriodMs: number;
}

const BATCH_MAX = 50;

/**
 * The chat send pipeline's contract (DESIGN §4, issue 8 point 2): the same batching, ordering and
 * ack semantics on every bus. Nodes are started as the server starts them, each with a store of
 * its own over the same real data (SQLite file, or MariaDB schema), as server processes have.
 */
export function messagePipelineContract(openBus: () => Promise<PipelineBus>, openStores: () => Promise<SharedMessageStores>, timing: PipelineTiming): void {
  let bus: PipelineBus;
  let stores: SharedMessageStores;
  let reader: MessageStore;
  let journal: StoreJournal;
  let running: { node: PipelineTestNode; stopped: boolean }[];
  let started: number;

  beforeEach(async () => {
    bus = await openBus();
    stores = await openStores();
    reader = stores.reader;
    journal = new StoreJournal();
    running = [];
    started = 0;
  });

  afterEach(async () => {
    for (const entry of running) if (!entry.stopped) await entry.node.stop();
    await stores.close();
    await bus.close();
  });

  /** Starts one more node, whose store's first appends may fail. */
  async function startNode(failing: AppendFailures = {}): Promise<PipelineTestNode> {
    started += 1;
    const config = loadConfig({
      ...bus.env,
      NODE_ID: `node-${started}`,
      LOG_LEVEL: 'silent',
      MESSAGE_BATCH_MAX: String(BATCH_MAX),
      // Long enough for a consumer-group rebalance: a late ack would be a slow test, a timeout a false failure.
      MESSAGE_ACK_TIMEOUT_MS: '20000',
    });
    const entry = { node: await startPipelineTestNode(config, new JournaledMessageStore(await stores.open(), journal, failing)), stopped: false };
    running.push(entry);
    const node = entry.node;
    return {
      send: (command) => node.send(command),
      edit: (command) => node.edit(command),
      delete: (command) => node.delete(command),
      delivered: node.delivered,
      events: node.events,
      stop: async () => {
        entry.stopped = true;
        await node.stop();
      },
    };
  }

  const ana = { id: randomUUID(), name: 'Ana' };
  const ben = { id: randomUUID(), name: 'Ben' };
  const send = (node: PipelineTestNode, channelId: string, clientMsgId: string, sender = ana, text = `text ${clientMsgId}`) =>
    node.send({ channelId, sender, clientMsgId, text });

  /** Every message stored in the channel, in seq order, read on a connection of its own. */
  const storedIn = (channelId: string) => reader.pageAfter(channelId, 0, 1000);
  const seqsUpTo = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
  const ofChannel = (messages: readonly Message[], channelId: string) => messages.filter((message) => message.channelId === channelId);

  async function deliveredAtLeast(node: PipelineTestNode, count: number): Promise<void> {
    const deadline = Date.now() + timing.deliveryTimeoutMs;
    while (node.delivered.length < count && Date.now() < deadline) await sleep(10);
    if (node.delivered.length < count) throw new Error(`expected ${count} deliveries, got ${node.delivered.length}`);
  }

  it('stores the drafts of several channels with gap-free seq per channel, in publish order, and acks each with its stored message', async () => {
    const node = await startNode();
    const channels = [randomUUID(), randomUUID(), randomUUID()];
    const sends = Array.from({ length: 90 }, (_, n) => ({ channelId: channels[n % 3], clientMsgId: `m-${n}`, sender: n % 2 ? ben : ana }));

    const acks = await Promise.all(sends.map(({ channelId, clientMsgId, sender }) => send(node, channelId, clientMsgId, sender)));

    acks.forEach((message, n) => {
      expect(message).toMatchObject({ type: 'TEXT', channelId: sends[n].channelId, senderId: sends[n].sender.id, clientMsgId: sends[n].clientMsgId, text: `text m-${n}` });
    });
    for (const channelId of channels) {
      // Publish order is the order of the acks array: seq follows it, without gaps.
      expect(ofChannel(acks, channelId).map((message) => message.seq)).toEqual(seqsUpTo(30));
      expect(await storedIn(channelId)).toEqual(ofChannel(acks, channelId));
    }
  });

  it(`stores a burst in batches of at most MESSAGE_BATCH_MAX (${BATCH_MAX}), and acks each send only once its message is stored`, async () => {
    const node = await startNode();
    const channels = [randomUUID(), randomUUID()];
    const ackedBeforeStored: string[] = [];

    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        send(node, channels[n % 2], `burst-${n}`).then((message) => {
          // Checked in the ack's own turn: a message acked before its batch committed would be missing here.
          if (!journal.storedIds.has(message.id)) ackedBeforeStored.push(message.clientMsgId ?? '');
          return message;
        }),
      ),
    );

    expect(ackedBeforeStored).toEqual([]);
    expect(journal.batchSizes.reduce((sum, size) => sum + size, 0)).toBe(200);
    expect(Math.max(...journal.batchSizes)).toBeLessThanOrEqual(BATCH_MAX);
    // Batches, not one transaction per message.
    expect(journal.batchSizes.length).toBeLessThanOrEqual(200 / 10);
    for (const channelId of channels) expect((await storedIn(channelId)).map((message) => message.id)).toEqual(ofChannel(acks, channelId).map((message) => message.id));
  });

  it('stores a clientMsgId sent twice by the same sender once, and answers both sends (and a later retry) with that message', async () => {
    const node = await startNode();
    const channelId = randomUUID();

    const [first, racing] = await Promise.all([send(node, channelId, 'twice', ana, 'first try'), send(node, channelId, 'twice', ana, 'second try')]);
    const later = await send(node, channelId, 'twice', ana, 'third try');
    // Another sender's same clientMsgId is another message.
    const bens = await send(node, channelId, 'twice', ben, 'from Ben');

    expect(racing).toEqual(first);
    expect(later).toEqual(first);
    expect(first).toMatchObject({ seq: 1, text: 'first try' });
    expect(bens).toMatchObject({ seq: 2, senderId: ben.id });
    expect(await storedIn(channelId)).toEqual([first, bens]);
    await deliveredAtLeast(node, 2);
    await sleep(timing.quietPeriodMs);
    expect(node.delivered).toEqual([first, bens]);
  });

  it('shows every stored message once, in seq order, on every node, whichever node took the send; a retry on another node stores nothing new', async () => {
    const nodes = [await startNode()];
    while (nodes.length < bus.maxNodes && nodes.length < 2) nodes.push(await startNode());
    const channels = [randomUUID(), randomUUID()];

    const acks = await Promise.all(
      Array.from({ length: 120 }, (_, n) => send(nodes[n % nodes.length], channels[n % 2], `every-${n}`, n % 3 ? ana : ben)),
    );

    for (const node of nodes) await deliveredAtLeast(node, 120);
    await sleep(timing.quietPeriodMs);
    for (const node of nodes) {
      expect(node.delivered).toHaveLength(120);
      for (const channelId of channels) {
        const seen = ofChannel(node.delivered, channelId);
        expect(seen.map((message) => message.seq)).toEqual(seqsUpTo(60));
        expect(seen).toEqual(ofChannel(acks, channelId).sort((a, b) => a.seq - b.seq));
      }
    }

    // The clients retry ten sends on the other node (the only one, in the embedded mode).
    const retried = await Promise.all(acks.slice(0, 10).map((message, n) => send(nodes[(n + 1) % nodes.length], message.channelId, message.clientMsgId ?? '', n % 3 ? ana : ben)));
    expect(retried).toEqual(acks.slice(0, 10));
    for (const channelId of channels) expect(await storedIn(channelId)).toHaveLength(60);
    await sleep(timing.quietPeriodMs);
    for (const node of nodes) expect(node.delivered).toHaveLength(120);
  });

  it('applies edits and deletes in log order with the sends around them, acks each, and shows each once, in order, on every node', async () => {
    const nodes = [await startNode()];
    while (nodes.length < bus.maxNodes && nodes.length < 2) nodes.push(await startNode());
    const channelId = randomUUID();

    // Twenty messages at once, each sent on one node, then edited (and every other one deleted) on
    // the other as soon as its ack arrives, while a send of another message follows each change.
    const lives = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const [sentOn, changedOn] = [nodes[n % nodes.length], nodes[(n + 1) % nodes.length]];
        const sent = await send(sentOn, channelId, `life-${n}`);
        const following = send(changedOn, channelId, `after-edit-${n}`);
        const edited = await changedOn.edit({ channelId, messageId: sent.id, editorId: ana.id, text: `edited ${n}` });
        if (n % 2) await changedOn.delete({ channelId, messageId: sent.id, deleterId: ana.id });
        return { sent, edited, following: await following };
      }),
    );

    for (const { sent, edited } of lives) expect(edited).toEqual({ ...sent, text: `edited ${sent.clientMsgId?.slice(5)}`, editedAt: anyDate });
    const stored = await storedIn(channelId);
    expect(stored.map((message) => message.seq)).toEqual(seqsUpTo(40));
    lives.forEach(({ sent, edited }, n) => {
      const now = stored.find((message) => message.id === sent.id);
      expect(now).toEqual(n % 2 ? { ...edited, text: '', deletedAt: anyDate } : edited);
    });
    for (const node of nodes) await deliveredAtLeast(node, 40);
    await sleep(timing.quietPeriodMs);
    for (const node of nodes) {
      expect(node.delivered.map((message) => message.seq)).toEqual(seqsUpTo(40));
      lives.forEach(({ sent, edited }, n) => {
        const seen = node.events.filter((seenEvent) => seenEvent.message.id === sent.id);
        const expected = [
          { event: 'message:new', message: sent },
          { event: 'message:updated', message: edited },
          ...(n % 2 ? [{ event: 'message:deleted', message: { ...edited, text: '', deletedAt: anyDate } }] : []),
        ];
        expect(seen).toEqual(expected);
      });
    }
  });

  it('answers a refused change to its requester only, and a second delete ok without showing it again', async () => {
    const node = await startNode();
    const channelId = randomUUID();
    const mine = await send(node, channelId, 'mine', ana);

    await expect(node.edit({ channelId, messageId: mine.id, editorId: ben.id, text: 'not yours' })).rejects.toBeInstanceOf(MessageChangeForbiddenError);
    await expect(node.delete({ channelId, messageId: mine.id, deleterId: ben.id })).rejects.toBeInstanceOf(MessageChangeForbiddenError);
    await expect(node.edit({ channelId, messageId: randomUUID(), editorId: ana.id, text: 'nothing there' })).rejects.toBeInstanceOf(MessageNotFoundError);
    // The id of a message of another channel is no message of this one.
    await expect(node.delete({ channelId: randomUUID(), messageId: mine.id, deleterId: ana.id })).rejects.toBeInstanceOf(MessageNotFoundError);
    await node.delete({ channelId, messageId: mine.id, deleterId: ana.id });
    await node.delete({ channelId, messageId: mine.id, deleterId: ana.id });
    await expect(node.edit({ channelId, messageId: mine.id, editorId: ana.id, text: 'back from the dead' })).rejects.toBeInstanceOf(MessageNotFoundError);

    expect(await storedIn(channelId)).toEqual([{ ...mine, text: '', deletedAt: anyDate }]);
    await sleep(timing.quietPeriodMs);
    expect(node.events.map((seen) => seen.event)).toEqual(['message:new', 'message:deleted']);
  });

  it.each([
    ['before storing (the database is away)', { before: 1 }],
    ['after committing (the answer was lost)', { after: 1 }],
  ])('does not ack a batch whose store failed %s: it is retried, stored once, then acked and shown once', async (_when, failing: AppendFailures) => {
    const node = await startNode(failing);
    const channelId = randomUUID();

    const acks = await Promise.all(Array.from({ length: 10 }, (_, n) => send(node, channelId, `retry-${n}`)));

    expect(journal.failures).toBe(1);
    expect(acks.map((message) => message.seq)).toEqual(seqsUpTo(10));
    expect(acks.filter((message) => !journal.storedIds.has(message.id))).toEqual([]);
    expect(await storedIn(channelId)).toEqual(acks);
    await deliveredAtLeast(node, 10);
    await sleep(timing.quietPeriodMs);
    expect(node.delivered).toEqual(acks);
  });

  it('on a graceful stop with sends in flight acks only stored messages, refuses new sends UNAVAILABLE, and the retries store each message once', async () => {
    const first = await startNode();
    const channelId = randomUUID();
    const inFlight = Array.from({ length: 100 }, (_, n) => send(first, channelId, `stop-${n}`));

    const stopping = first.stop();
    // While the node drains (its hooks have begun), new sends arrive.
    await sleep(20);
    const late = Array.from({ length: 20 }, (_, n) => send(first, channelId, `stop-${100 + n}`));
    const answers = await Promise.allSettled([...inFlight, ...late]);
    await stopping;

    const acked = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
    const refused = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as unknown] : []));
    // The late sends come after the stop began; what was in flight is finished, not dropped.
    expect(acked.map((message) => message.clientMsgId)).toEqual(seqsUpTo(100).map((n) => `stop-${n - 1}`));
    expect(refused).toHaveLength(20);
    for (const reason of refused) expect(reason).toBeInstanceOf(ChatUnavailableError);
    expect(await storedIn(channelId)).toEqual(acked);

    // The clients retry every send with the same clientMsgId on the node that takes over.
    const next = await startNode();
    const retried = await Promise.all(Array.from({ length: 120 }, (_, n) => send(next, channelId, `stop-${n}`)));
    expect(retried.slice(0, 100)).toEqual(acked);
    const stored = await storedIn(channelId);
    expect(stored.map((message) => message.seq)).toEqual(seqsUpTo(120));
    expect(stored).toEqual(retried);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
