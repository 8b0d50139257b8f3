/**
 * Per-message unread counts at scale: time of one history page of 100 messages (each with its
 * unreadCount) in a channel of many members, over real HTTP on the embedded default or MySQL.
 * The members are written straight through the channel store (no 2,000 sign-ups), with read
 * marks spread over the history, so the counts differ from message to message; one page is
 * checked against a count made mark by mark before the timing starts.
 *
 *   npm run bench:unread                                          # SQLite, 2,000 members, 1,000 messages
 *   UNREAD_BENCH_STORE=mysql UNREAD_BENCH_MEMBERS=5000 npm run bench:unread   # MySQL of .infra/env
 *
 * It runs under jest (ts-jest keeps the decorator metadata Nest needs in-process, which tsx drops),
 * outside `npm test`: settings come from the environment, not from arguments.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { MessageStore, textMessageDraft } from '@webchat/chat';
import { loadConfig } from '@webchat/platform';
import { createMysqlSchema } from '@webchat/platform/testing';
import { createApp, startApp } from '../apps/server/src/create-app';
// The bench writes members as the store's own callers do; no public use case adds 2,000 at once without accounts.
import { ChannelStore } from '../libs/channel/src/application/ports/channel-store.port';
import { percentile } from './support/percentile';

const values = { store: process.env.UNREAD_BENCH_STORE ?? 'sqlite' };
const members = Number(process.env.UNREAD_BENCH_MEMBERS ?? 2000);
const messageCount = Number(process.env.UNREAD_BENCH_MESSAGES ?? 1000);
const pages = Number(process.env.UNREAD_BENCH_PAGES ?? 50);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'webchat-bench-unread-'));
  const schema = values.store === 'mysql' ? await createMysqlSchema() : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: 'bench-secret-0123456789-0123456789-0123456789',
    LOG_LEVEL: 'warn',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    RATE_LIMIT_REST_PER_SECOND: '100000',
    RATE_LIMIT_REST_BURST: '100000',
    ...(schema ? { DB: 'mysql', MYSQL_URL: schema.url } : {}),
  });
  const app = await createApp(config);
  await startApp(app);
  await (app.getHttpAdapter().getInstance() as FastifyInstance).ready();
  const http = request(app.getHttpServer());
  try {
    const email = `bench.${process.pid}@example.com`;
    await http.post('/api/auth/signup').send({ email, username: 'Bench', password: 'password-123' }).expect(201);
    const { accessToken, user } = (await http.post('/api/auth/login').send({ email, password: 'password-123' }).expect(200)).body;
    const auth = `Bearer ${accessToken}`;
    const channelId: string = (await http.post('/api/channels').set('authorization', auth).send({ name: 'Big room' }).expect(201)).body.id;

    const createdAt = new Date();
    for (let from = 0; from < messageCount; from += 500) {
      const drafts = Array.from({ length: Math.min(500, messageCount - from) }, (_, i) =>
        textMessageDraft({ id: randomUUID(), channelId, senderId: user.id, senderName: 'Bench', text: `message ${from + i + 1}`, clientMsgId: randomUUID(), createdAt }),
      );
      await app.get(MessageStore).appendBatch(drafts);
    }
    // Read marks spread evenly over 0..messageCount: every message has a different count.
    const store = app.get(ChannelStore);
    const others = Array.from({ length: members - 1 }, (_, i) => ({
      channelId,
      userId: randomUUID(),
      role: 'MEMBER' as const,
      joinedAt: createdAt,
      lastReadSeq: Math.floor((i * messageCount) / (members - 1)),
    }));
    for (let from = 0; from < others.length; from += 500) await store.addMembers(channelId, others.slice(from, from + 500));

    const page = (beforeSeq: number) => http.get(`/api/channels/${channelId}/messages?beforeSeq=${beforeSeq}&limit=100`).set('authorization', auth).expect(200);
    const check = (await page(501)).body.items as { seq: number; unreadCount: number }[];
    for (const { seq, unreadCount } of check) {
      const expected = others.filter((member) => member.lastReadSeq < seq).length;
      if (unreadCount !== expected) throw new Error(`seq ${seq}: unreadCount ${unreadCount}, expected ${expected}`);
    }

    const load = loadavg()[0];
    const samples: number[] = [];
    for (let i = 0; i < pages; i += 1) {
      const beforeSeq = 101 + ((i * 97) % (messageCount - 100));
      const started = performance.now();
      await page(beforeSeq);
      samples.push(performance.now() - started);
    }
    const marks = app.get(ChannelStore);
    const markSamples: number[] = [];
    for (let i = 0; i < pages; i += 1) {
      const started = performance.now();
      await marks.readMarksOf(channelId);
      markSamples.push(performance.now() - started);
    }
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    process.stdout.write(
      `store ${values.store}, ${members} members, pages of 100 of ${messageCount} messages, ${pages} pages, load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}\n` +
        `  GET history page (with unreadCount): median ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(Math.max(...samples))}\n` +
        `  of which the read-marks query alone:  median ${ms(percentile(markSamples, 50))}, p95 ${ms(percentile(markSamples, 95))}\n`,
    );
  } finally {
    await app.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

it(`answers history pages of 100 with unread counts in a channel of ${members} members`, main, 600_000);
