import { READ_RECEIPTS_TOPIC, ReadReceipt } from '@webchat/chat';
import { EventBus } from '@webchat/platform';
import { storedNotice, storeMessages } from './chat-messages';
import { signedInUser, TestApp } from './test-app';

/**
 * The read side of chat end to end, on whatever store the app runs: history pages, Korean
 * search, a read mark that is clamped and never moves back (with its receipt), a joiner's
 * mark starting at the last message (its join notice after it, never unread), and my channels'
 * unread counts and last messages.
 */
export function chatReadFlow(start: () => Promise<TestApp>): void {
  it('pages history, searches Korean, moves read marks and counts unread messages', async () => {
    const t = await start();
    try {
      const mina = await signedInUser(t.http, '민아');
      const joon = await signedInUser(t.http, '준');
      const as = (token: string) => ({
        get: (path: string) => t.http.get(path).set('authorization', `Bearer ${token}`),
        post: (path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${token}`).send(body),
      });
      const receipts: ReadReceipt[] = [];
      t.app.get(EventBus).subscribe<ReadReceipt>(READ_RECEIPTS_TOPIC, (receipt) => void receipts.push(receipt));

      const channel = (await as(mina.token).post('/api/channels', { name: '주말 모임' }).expect(201)).body;
      const path = `/api/channels/${channel.id}`;
      const stored = await storeMessages(t, channel.id, mina, '다들 안녕하세요', '안녕', 'Hello ALL', { system: '수아 joined' }, '마지막');

      const latest = await as(mina.token).get(`${path}/messages?limit=2`).expect(200);
      expect(latest.body.items.map((m: { seq: number }) => m.seq)).toEqual([4, 5]);
      expect(latest.body.items[1]).toEqual({
        id: stored[4].id,
        channelId: channel.id,
        seq: 5,
        type: 'TEXT',
        senderId: mina.id,
        senderName: '민아',
        text: '마지막',
        clientMsgId: stored[4].clientMsgId,
        replyTo: null,
        editedAt: null,
        deletedAt: null,
        unreadCount: 0,
        createdAt: stored[4].createdAt.toISOString(),
      });
      expect(latest.body.items[0]).toMatchObject({ type: 'SYSTEM', senderId: null, senderName: 'system', clientMsgId: null });
      const before = await as(mina.token).get(`${path}/messages?beforeSeq=4&limit=2`).expect(200);
      expect(before.body.items.map((m: { seq: number }) => m.seq)).toEqual([2, 3]);
      const after = await as(mina.token).get(`${path}/messages?afterSeq=1&limit=2`).expect(200);
      expect(after.body.items.map((m: { seq: number }) => m.seq)).toEqual([2, 3]);
      await as(mina.token).get(`${path}/messages?beforeSeq=4&afterSeq=1`).expect(400);

      const found = await as(mina.token).get(`${path}/messages/search?q=${encodeURIComponent('안녕')}`).expect(200);
      expect(found.body.items.map((m: { text: string }) => m.text)).toEqual(['안녕', '다들 안녕하세요']);
      const anyCase = await as(mina.token).get(`${path}/messages/search?q=all`).expect(200);
      expect(anyCase.body.items.map((m: { seq: number }) => m.seq)).toEqual([3]);

      // 준 joins after five messages: nothing is unread for him yet, his own join notice (seq 6) neither.
      await as(joon.token).get(`${path}/messages`).expect(403);
      await as(joon.token).post(`${path}/join`).expect(200);
      expect(await storedNotice(t, channel.id, '준 joined')).toMatchObject({ seq: 6, type: 'SYSTEM' });
      const joined = (await as(joon.token).get('/api/channels').expect(200)).body;
      expect(joined).toEqual([
        expect.objectContaining({ id: channel.id, unreadCount: 0, lastMessage: expect.objectContaining({ seq: 6, type: 'SYSTEM', senderName: 'system', text: '준 joined' }) }),
      ]);
      expect((await as(mina.token).get('/api/channels').expect(200)).body[0].unreadCount).toBe(0);

      await storeMessages(t, channel.id, mina, '준 어서 와', '밥 먹었어?');
      await storeMessages(t, channel.id, joon, '응!');
      const mine = (await as(joon.token).get('/api/channels').expect(200)).body;
      expect(mine[0]).toMatchObject({ unreadCount: 2, lastMessage: { seq: 9, text: '응!', senderId: joon.id } });

      // Past the last message counts as the last one; a lower seq afterwards changes nothing.
      await as(joon.token).post(`${path}/read`, { seq: 1000 }).expect(204, '');
      await as(joon.token).post(`${path}/read`, { seq: 6 }).expect(204);
      expect((await as(joon.token).get('/api/channels').expect(200)).body[0].unreadCount).toBe(0);
      await storeMessages(t, channel.id, mina, '또 왔어');
      expect((await as(joon.token).get('/api/channels').expect(200)).body[0].unreadCount).toBe(1);
      await as(joon.token).post(`${path}/read`, { seq: 10 }).expect(204);
      expect((await as(joon.token).get('/api/channels').expect(200)).body[0].unreadCount).toBe(0);

      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(receipts).toEqual([
        { channelId: channel.id, userId: joon.id, seq: 9 },
        { channelId: channel.id, userId: joon.id, seq: 10 },
      ]);
    } finally {
      await t.close();
    }
  });
}
