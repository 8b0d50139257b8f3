import { randomUUID } from 'node:crypto';
import { bearer } from './support/account-client';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { storedNotice } from './support/chat-messages';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { signedInUser, SignedInUser, TestApp } from './support/test-app';

interface ReplyTo {
  id: string;
  seq: number;
  senderName: string | null;
  snippet: string | null;
}
interface MessageJson {
  id: string;
  channelId: string;
  seq: number;
  type: string;
  senderName: string;
  text: string;
  replyTo: ReplyTo | null;
  unreadCount: number;
}
type SendAck = { ok: true; message: MessageJson } | { ok: false; error: { code: string; message: string } };

/** Replies (DESIGN §5 `replyToId` on `message:send`, `replyTo` on every message), the same cases on each store. */
function replyCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  const get = (user: SignedInUser, path: string) => t.http.get(path).set(bearer(user.token)).expect(200);
  const connect = async (user: SignedInUser) => sockets.keep(await connectChat(t.url, user.token));
  const send = (socket: Awaited<ReturnType<typeof connect>>, channelId: string, text: string, extra: object = {}) =>
    ask<SendAck>(socket, 'message:send', { channelId, clientMsgId: randomUUID(), text, ...extra });
  /** A channel of `owner` that `member` joined, its join notice (seq 1) stored. */
  async function channelOf(owner: SignedInUser, member: SignedInUser, name = 'Replies'): Promise<string> {
    const id = (await t.http.post('/api/channels').set(bearer(owner.token)).send({ name }).expect(201)).body.id as string;
    await t.http.post(`/api/channels/${id}/join`).set(bearer(member.token)).send({}).expect(200);
    await storedNotice(t, id, `${member.username} joined`);
    return id;
  }
  const historyOf = async (user: SignedInUser, channelId: string) => (await get(user, `/api/channels/${channelId}/messages`)).body.items as MessageJson[];

  it('carries replyTo {id, seq, senderName, snippet} in the ack, message:new, history, search and my channels', async () => {
    const [mina, joon] = [await signedInUser(t.http, 'Mina'), await signedInUser(t.http, 'Joon')];
    const channelId = await channelOf(mina, joon);
    const [minaSocket, joonSocket] = [await connect(mina), await connect(joon)];
    const minaSees = collect<MessageJson>(minaSocket, 'message:new');
    // 150 code points, emoji (two UTF-16 units each) across the 100th: the snippet keeps whole characters.
    const long = `${'가'.repeat(99)}${'😀'.repeat(51)}`;
    const quoted = await send(minaSocket, channelId, long);
    if (!quoted.ok) throw new Error('the quoted message was refused');

    const reply = await send(joonSocket, channelId, '좋아요 (reply)', { replyToId: quoted.message.id });

    const replyTo = { id: quoted.message.id, seq: 2, senderName: 'Mina', snippet: `${'가'.repeat(99)}😀` };
    expect(reply).toEqual({ ok: true, message: expect.objectContaining({ seq: 3, type: 'TEXT', text: '좋아요 (reply)', replyTo }) });
    expect([...(replyTo.snippet ?? '')]).toHaveLength(100);
    await eventually(() => minaSees.length === 2, 'both messages at Mina');
    expect(minaSees[0].replyTo).toBeNull();
    expect(minaSees[1]).toEqual(reply.ok && reply.message);
    const history = await historyOf(mina, channelId);
    expect(history.map((message) => [message.seq, message.replyTo])).toEqual([
      [1, null],
      [2, null],
      [3, replyTo],
    ]);
    const found = (await get(mina, `/api/channels/${channelId}/messages/search?q=reply`)).body.items as MessageJson[];
    expect(found).toEqual([expect.objectContaining({ seq: 3, replyTo })]);
    const mine = (await get(mina, '/api/channels')).body as Array<{ id: string; lastMessage: MessageJson }>;
    expect(mine.find((channel) => channel.id === channelId)?.lastMessage).toMatchObject({ seq: 3, replyTo });
  });

  it("refuses a reply to another channel's message, an unknown id, a SYSTEM notice or a malformed id with VALIDATION, storing nothing", async () => {
    const [ana, ben] = [await signedInUser(t.http, 'Ana'), await signedInUser(t.http, 'Ben')];
    const channelId = await channelOf(ana, ben);
    const elsewhere = await channelOf(ben, ana, 'Elsewhere');
    const [anaSocket, benSocket] = [await connect(ana), await connect(ben)];
    const there = await send(benSocket, elsewhere, 'in the other channel');
    if (!there.ok) throw new Error('the other channel refused a message');
    const [notice] = await historyOf(ana, channelId);
    expect(notice).toMatchObject({ seq: 1, type: 'SYSTEM' });

    for (const replyToId of [there.message.id, randomUUID(), notice.id, 'not-an-id', there.message.id.toUpperCase(), 42, '']) {
      const ack = await send(anaSocket, channelId, 'a reply', { replyToId });
      expect({ replyToId, ack }).toEqual({ replyToId, ack: { ok: false, error: { code: 'VALIDATION', message: expect.any(String) } } });
    }
    expect((await historyOf(ana, channelId)).map((message) => message.seq)).toEqual([1]);
    // null is no reply; a non-member learns nothing about the quoted id (NOT_MEMBER first).
    expect(await send(anaSocket, channelId, 'no reply', { replyToId: null })).toMatchObject({ ok: true, message: { seq: 2, replyTo: null } });
    const stranger = await connect(await signedInUser(t.http, 'Stranger'));
    expect(await send(stranger, channelId, 'let me in', { replyToId: there.message.id })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });

  it('shows "deleted user" as the quoted sender once their account is deleted', async () => {
    const [sora, tae] = [await signedInUser(t.http, 'Sora'), await signedInUser(t.http, 'Tae')];
    const channelId = await channelOf(tae, sora);
    const [soraSocket, taeSocket] = [await connect(sora), await connect(tae)];
    const quoted = await send(soraSocket, channelId, 'soon gone');
    if (!quoted.ok) throw new Error('the quoted message was refused');
    expect(await send(taeSocket, channelId, 'answer', { replyToId: quoted.message.id })).toMatchObject({ ok: true, message: { replyTo: { senderName: 'Sora' } } });

    await t.http.delete('/api/users/me').set(bearer(sora.token)).send({ password: sora.password }).expect(204);

    const history = await historyOf(tae, channelId);
    expect(history.find((message) => message.text === 'answer')?.replyTo).toEqual({ id: quoted.message.id, seq: 2, senderName: 'deleted user', snippet: 'soon gone' });
  });

  it('follows the quoted message: an edit shows in the snippet, a delete leaves snippet null, and a deleted message takes no new reply', async () => {
    const [eun, ha] = [await signedInUser(t.http, 'Eun'), await signedInUser(t.http, 'Ha')];
    const channelId = await channelOf(eun, ha);
    const [eunSocket, haSocket] = [await connect(eun), await connect(ha)];
    const quoted = await send(eunSocket, channelId, 'first words');
    if (!quoted.ok) throw new Error('the quoted message was refused');
    const reply = await send(haSocket, channelId, 'answer', { replyToId: quoted.message.id });
    expect(reply).toMatchObject({ ok: true, message: { replyTo: { snippet: 'first words' } } });
    const quoteOfAnswer = async () => (await historyOf(ha, channelId)).find((message) => message.text === 'answer')?.replyTo;

    expect(await ask(eunSocket, 'message:edit', { channelId, messageId: quoted.message.id, text: 'better words' })).toMatchObject({ ok: true });
    expect(await quoteOfAnswer()).toEqual({ id: quoted.message.id, seq: 2, senderName: 'Eun', snippet: 'better words' });

    expect(await ask(eunSocket, 'message:delete', { channelId, messageId: quoted.message.id })).toEqual({ ok: true });
    expect(await quoteOfAnswer()).toEqual({ id: quoted.message.id, seq: 2, senderName: 'Eun', snippet: null });
    expect(await send(haSocket, channelId, 'too late', { replyToId: quoted.message.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
}

describeOnEachStore('message replies', replyCases);
