import { randomUUID } from 'node:crypto';
import { Socket } from 'socket.io-client';
import { ask, collect, connectChat, eventually } from './chat-client';
import { storedNotice } from './chat-messages';
import { SignedInUser, signedInUser, TestApp } from './test-app';

interface Shown {
  seq: number;
  type: string;
  unreadCount: number;
}
interface Receipt {
  channelId: string;
  userId: string;
  seq: number;
}

/**
 * Per-message unread counts end to end (DESIGN §5): in the send's ack, in `message:new`, in
 * history and in search; lowered by members' reads (socket and HTTP), never by the sender's own;
 * a member who joins later has read what came before (their mark starts at the last seq); the
 * join notices (SYSTEM) are never unread.
 */
export function messageUnreadFlow(start: () => Promise<TestApp>): void {
  it('counts the other members who have not read each message, live and in history', async () => {
    const t = await start();
    const sockets: Socket[] = [];
    try {
      const [ana, ben, cho, dan] = await Promise.all(['Ana', 'Ben', 'Cho', 'Dan'].map((name) => signedInUser(t.http, name)));
      const as = (user: SignedInUser) => ({
        get: (path: string) => t.http.get(path).set('authorization', `Bearer ${user.token}`),
        post: (path: string, body: object = {}) => t.http.post(path).set('authorization', `Bearer ${user.token}`).send(body),
      });
      const channelId: string = (await as(ana).post('/api/channels', { name: 'Unread' }).expect(201)).body.id;
      const path = `/api/channels/${channelId}`;
      await as(ben).post(`${path}/join`).expect(200);
      await as(cho).post(`${path}/join`).expect(200);
      // Seqs 1 and 2: the join notices, stored in join order (one log per channel).
      expect(await storedNotice(t, channelId, 'Cho joined')).toMatchObject({ seq: 2 });
      const [anaSocket, benSocket] = await Promise.all([connectChat(t.url, ana.token), connectChat(t.url, ben.token)]);
      sockets.push(anaSocket, benSocket);
      const benSees = collect<Shown>(benSocket, 'message:new');
      const anaReceipts = collect<Receipt>(anaSocket, 'receipt');
      const send = async (socket: Socket, text: string) => {
        const ack = await ask<{ ok: boolean; message: Shown }>(socket, 'message:send', { channelId, clientMsgId: randomUUID(), text });
        expect(ack.ok).toBe(true);
        return ack.message;
      };
      const unreadIn = async (by: SignedInUser) =>
        ((await as(by).get(`${path}/messages`).expect(200)).body.items as Shown[]).map(({ seq, unreadCount }) => [seq, unreadCount]);
      /** A sender's mark moves to their message shortly after it is stored (grouped commits): poll for it. */
      const unreadSoon = async (by: SignedInUser, expected: number[][]) => {
        const deadline = Date.now() + 5000;
        let seen = await unreadIn(by);
        while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          seen = await unreadIn(by);
        }
        expect(seen).toEqual(expected);
      };

      // Three members: Ben and Cho have not read Ana's message.
      expect(await send(anaSocket, 'hello all')).toMatchObject({ seq: 3, unreadCount: 2 });
      await eventually(() => benSees.length === 1, "Ben's message:new");
      expect(benSees[0]).toMatchObject({ seq: 3, unreadCount: 2 });
      expect(await unreadIn(cho)).toEqual([
        [1, 0],
        [2, 0],
        [3, 2],
      ]);

      // The sender's own read changes nothing; Ben's read (socket) makes it 1, with a receipt to Ana.
      await as(ana).post(`${path}/read`, { seq: 3 }).expect(204);
      expect((await unreadIn(ana)).slice(2)).toEqual([[3, 2]]);
      expect(await ask(benSocket, 'message:read', { channelId, seq: 3 })).toEqual({ ok: true });
      await eventually(() => anaReceipts.some((receipt) => receipt.userId === ben.id), "Ben's receipt");
      expect(anaReceipts.find((receipt) => receipt.userId === ben.id)).toEqual({ channelId, userId: ben.id, seq: 3 });
      expect((await unreadIn(ana)).slice(2)).toEqual([[3, 1]]);
      // Cho's read (HTTP) makes it 0, in history and in search alike.
      await as(cho).post(`${path}/read`, { seq: 3 }).expect(204);
      expect((await unreadIn(ben)).slice(2)).toEqual([[3, 0]]);
      expect((await as(ben).get(`${path}/messages/search?q=hello`).expect(200)).body.items).toEqual([expect.objectContaining({ seq: 3, unreadCount: 0 })]);

      // Ben's own message: Ana and Cho have not read it, whether or not Ben's mark has moved yet.
      expect(await send(benSocket, 'hi Ana')).toMatchObject({ seq: 4, unreadCount: 2 });
      expect(await unreadIn(ben)).toEqual([
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 2],
      ]);

      // Dan joins after seq 4: his mark starts there (his notice, seq 5, is unread by nobody), so he
      // counts for later messages only.
      await as(dan).post(`${path}/join`).expect(200);
      expect(await storedNotice(t, channelId, 'Dan joined')).toMatchObject({ seq: 5 });
      expect(await unreadIn(dan)).toEqual([
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 2],
        [5, 0],
      ]);
      expect(await send(anaSocket, 'welcome Dan')).toMatchObject({ seq: 6, unreadCount: 3 });
      await eventually(() => benSees.length === 4, "Ben's fourth message:new");
      expect(benSees[2]).toMatchObject({ seq: 5, type: 'SYSTEM', unreadCount: 0 });
      expect(benSees[3]).toMatchObject({ seq: 6, unreadCount: 3 });
      // Sending seq 6 moved Ana's mark there: she has read Ben's seq 4 now, Cho still has not.
      await unreadSoon(dan, [
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 1],
        [5, 0],
        [6, 3],
      ]);
      await as(dan).post(`${path}/read`, { seq: 6 }).expect(204);
      expect((await unreadIn(dan)).slice(3)).toEqual([
        [4, 1],
        [5, 0],
        [6, 2],
      ]);
    } finally {
      for (const socket of sockets) socket.close();
      await t.close();
    }
  });
}
