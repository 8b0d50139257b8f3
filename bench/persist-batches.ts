/**
 * `npx tsx bench/persist-batches.ts`: how the persist stage batches on Kafka. Starts the built
 * server (`node dist/apps/server/src/main.js`, BUS=kafka, SQLite store, topics of a fresh prefix),
 * produces N drafts onto `<prefix>.messages` from outside as fast as one producer can, and reads
 * the server's own /metrics until all are stored: the time from the first produce to the last
 * store, and the `chat_store_batch_size` histogram (batches per size bucket, mean size).
 * Needs `npm run build` first and KAFKA_BROKERS (from .infra/env).
 *
 *   npx tsx bench/persist-batches.ts [--messages 5000] [--channels 50] [--label name]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { textMessageDraft } from '@webchat/chat';
import { loadInfraEnv } from '@webchat/platform/testing';
import { startEmbeddedServer } from './support/server-process';

const { values: options } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    channels: { type: 'string', default: '50' },
    label: { type: 'string', default: '' },
  },
});

async function main(): Promise<void> {
  loadInfraEnv();
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set (run npm run infra:up -- kafka)');
  const total = Number(options.messages);
  const prefix = `webchat-bench-${randomBytes(5).toString('hex')}`;
  const server = await startEmbeddedServer({
    BUS: 'kafka',
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_CHAT_PREFIX: prefix,
    KAFKA_EVENTS_TOPIC: `${prefix}.events`,
  });
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await producer.connect();
    const channels = Array.from({ length: Number(options.channels) }, () => randomUUID());
    const senderId = randomUUID();
    const records = Array.from({ length: total }, (_, n) => {
      const draft = textMessageDraft({
        id: randomUUID(),
        channelId: channels[n % channels.length],
        senderId,
        senderName: 'Bench',
        clientMsgId: `bench-${n}`,
        text: `message ${n}`,
        createdAt: new Date(),
      });
      return { key: draft.channelId, value: JSON.stringify(draft) };
    });
    const load = loadavg();
    const started = performance.now();
    for (let start = 0; start < total; start += 500) {
      await producer.send({ topic: `${prefix}.messages`, acks: -1, messages: records.slice(start, start + 500) });
    }
    const produced = performance.now() - started;
    let figures = await storeFigures(server.url);
    const deadline = Date.now() + 60_000;
    while (figures.stored < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      figures = await storeFigures(server.url);
    }
    const elapsed = performance.now() - started;
    console.log(
      JSON.stringify(
        {
          label: options.label,
          messages: total,
          stored: figures.stored,
          producedMs: Math.round(produced),
          storedAllMs: Math.round(elapsed),
          messagesPerSecond: Math.round((figures.stored / elapsed) * 1000),
          batches: figures.batches,
          meanBatch: Number((figures.batchedDrafts / Math.max(1, figures.batches)).toFixed(1)),
          batchesBySize: figures.bySize,
          loadAverageBefore: load.map((value) => value.toFixed(2)).join(' '),
          loadAverageAfter: loadavg().map((value) => value.toFixed(2)).join(' '),
        },
        null,
        2,
      ),
    );
  } finally {
    await producer.disconnect();
    await server.stop();
    await deleteTopics(kafka, [`${prefix}.messages`, `${prefix}.persisted`, `${prefix}.events`]);
  }
}

interface StoreFigures {
  stored: number;
  batches: number;
  batchedDrafts: number;
  /** Batches per size range, from the cumulative histogram buckets ("≤10": batches of 6–10 drafts). */
  bySize: Record<string, number>;
}

async function storeFigures(url: string): Promise<StoreFigures> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  const bySize: Record<string, number> = {};
  let below = 0;
  for (const [, le, count] of text.matchAll(/^chat_store_batch_size_bucket\{le="([^"]+)"\} (\d+)$/gm)) {
    if (Number(count) - below > 0) bySize[`≤${le}`] = Number(count) - below;
    below = Number(count);
  }
  return {
    stored: value(/^chat_messages_stored_total (\d+)$/m),
    batches: value(/^chat_store_batch_size_count (\d+)$/m),
    batchedDrafts: value(/^chat_store_batch_size_sum (\d+)$/m),
    bySize,
  };
}

async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
