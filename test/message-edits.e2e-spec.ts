import type { Socket } from 'socket.io-client';
import { bearer } from './support/account-client';
import { ask, collect, connectChat, eventually } from './support/chat-client';
import { storedNotice } from './support/chat-messages';
import { describeOnKafkaAndMysql, twoKafkaNodes } from './support/cluster-node-env';
import { describeOnEachStore } from './support/each-store';
import { socketsClosedAfterEach } from './support/opened-sockets';
import { storedMessageRow } from './support/stored-message-row';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

interface MessageJson {
  id: string;
  channelId: string;
  seq: number;
  type: string;
  senderId: string | null;
  text: string;
  clientMsgId: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  unreadCount: number;
  createdAt: string;
}
type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
type MessageAck = Ack<{ message: MessageJson }>;
interface DeletedJson {
  channelId: string;
  id: string;
  seq: number;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const refusal = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });

/** What one member's socket saw happen to messages, in order: the event and the message's id. */
function watch(socket: Socket) {
  const seen: { event: string; id: string; payload: unknown }[] = [];
  for (const event of ['message:new', 'message:updated', 'message:deleted']) {
    socket.on(event, (payload: { id: string }) => void seen.push({ event, id: payload.id, payload }));
  }
  return seen;
}

const sendOn = async (socket: Socket, channelId: string, text: string) => {
  const ack = await ask<MessageAck>(socket, 'message:send', { channelId, clientMsgId: `c-${Math.random()}`, text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  return ack.message;
};
const editOn = (socket: Socket, channelId: string, messageId: string, text: string) => ask<MessageAck>(socket, 'message:edit', { channelId, messageId, text });
const deleteOn = (socket: Socket, channelId: string, messageId: string) => ask<Ack>(socket, 'message:delete', { channelId, messageId });

/** message:edit and message:delete (DESIGN §5, issue 12 point 2), the same cases on each store. */
function editCases(start: () => Promise<TestApp>): void {
  let t: TestApp;
  const sockets = socketsClosedAfterEach();
  const connect = async (user: SignedInUser) => sockets.keep(await connectChat(t.url, user.token));
  beforeAll(async () => {
    t = await start();
  });
  afterAll(() => t.close());

  /** A channel of `owner` with the other users as members, their join notices stored (so sockets connected later never see them). */
  async function channelOf(owner: SignedInUser, ...members: SignedInUser[]): Promise<string> {
    const channel = (await t.http.post('/api/channels').set(bearer(owner.token)).send({ name: 'edits' }).expect(201)).body;
    for (const member of members) {
      await t.http.post(`/api/channels/${channel.id}/join`).set(bearer(member.token)).send({}).expect(200);
      await storedNotice(t, channel.id, `${member.username} joined`);
    }
    return channel.id as string;
  }
  const fullHistory = async (user: SignedInUser, channelId: string): Promise<MessageJson[]> =>
    (await t.http.get(`/api/channels/${channelId}/messages`).set(bearer(user.token)).expect(200)).body.items;
  /** The members' messages of the history, without the join notices that open it (they have their own spec). */
  const history = async (user: SignedInUser, channelId: string): Promise<MessageJson[]> =>
    (await fullHistory(user, channelId)).filter((message) => message.type === 'TEXT');
  const search = async (user: SignedInUser, channelId: string, q: string): Promise<MessageJson[]> =>
    (await t.http.get(`/api/channels/${channelId}/messages/search`).query({ q }).set(bearer(user.token)).expect(200)).body.items;

  it('edits my own message: the ack and every member get it with editedAt; history and search show the new text only', async () => {
    const [mina, joon] = [await signedInUser(t.http, 'Mina'), await signedInUser(t.http, 'Joon')];
    const channelId = await channelOf(mina, joon);
    const [minaSocket, joonSocket] = [await connect(mina), await connect(joon)];
    const atJoon = watch(joonSocket);
    const sent = await sendOn(minaSocket, channelId, 'see you at 7');

    const ack = await editOn(minaSocket, channelId, sent.id, 'see you at 8 🕗');

    const edited = { ...sent, text: 'see you at 8 🕗', editedAt: expect.stringMatching(ISO) };
    expect(ack).toEqual({ ok: true, message: edited });
    await eventually(() => atJoon.length === 2, 'message:new and message:updated at the other member');
    expect(atJoon).toEqual([
      { event: 'message:new', id: sent.id, payload: sent },
      { event: 'message:updated', id: sent.id, payload: ack.ok && ack.message },
    ]);
    expect(await history(joon, channelId)).toEqual([{ ...edited, editedAt: ack.ok && ack.message.editedAt }]);
    expect((await search(joon, channelId, 'at 8')).map((message) => message.id)).toEqual([sent.id]);
    expect(await search(joon, channelId, 'at 7')).toEqual([]);
    expect(await storedMessageRow(t, sent.id)).toEqual({ text: 'see you at 8 🕗', edited: true, deleted: false });
  });

  it("answers FORBIDDEN to an edit of someone else's message and to a member deleting it, and NOT_MEMBER to a non-member; nothing changes", async () => {
    const [owner, member, stranger] = [await signedInUser(t.http, 'Owner'), await signedInUser(t.http, 'Member'), await signedInUser(t.http, 'Stranger')];
    const channelId = await channelOf(owner, member);
    const [ownerSocket, memberSocket, strangerSocket] = [await connect(owner), await connect(member), await connect(stranger)];
    const atOwner = watch(ownerSocket);
    const owners = await sendOn(ownerSocket, channelId, "the owner's words");

    expect(await editOn(memberSocket, channelId, owners.id, 'put in their mouth')).toEqual(refusal('FORBIDDEN'));
    expect(await deleteOn(memberSocket, channelId, owners.id)).toEqual(refusal('FORBIDDEN'));
    // The owner may delete another's message, but not edit it.
    const members = await sendOn(memberSocket, channelId, "the member's words");
    expect(await editOn(ownerSocket, channelId, members.id, 'rewritten')).toEqual(refusal('FORBIDDEN'));
    // The channel is public: the stranger may read its details, never change its messages.
    expect(await editOn(strangerSocket, channelId, owners.id, 'hijacked')).toEqual(refusal('NOT_MEMBER'));
    expect(await deleteOn(strangerSocket, channelId, owners.id)).toEqual(refusal('NOT_MEMBER'));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(atOwner.map(({ event }) => event)).toEqual(['message:new', 'message:new']);
    expect((await history(owner, channelId)).map(({ text, editedAt, deletedAt }) => ({ text, editedAt, deletedAt }))).toEqual([
      { text: "the owner's words", editedAt: null, deletedAt: null },
      { text: "the member's words", editedAt: null, deletedAt: null },
    ]);
  });

  it("lets the owner delete a member's message: members get message:deleted, and its text is gone from history, search, the channel list and the store", async () => {
    const [owner, member, other] = [await signedInUser(t.http, 'Owner'), await signedInUser(t.http, 'Member'), await signedInUser(t.http, 'Other')];
    const channelId = await channelOf(owner, member, other);
    const [ownerSocket, memberSocket, otherSocket] = [await connect(owner), await connect(member), await connect(other)];
    const [atMember, atOther] = [watch(memberSocket), watch(otherSocket)];
    const kept = await sendOn(memberSocket, channelId, 'a fine remark');
    const gone = await sendOn(memberSocket, channelId, 'my password is hunter2');

    expect(await deleteOn(ownerSocket, channelId, gone.id)).toEqual({ ok: true });

    const deleted: DeletedJson = { channelId, id: gone.id, seq: gone.seq };
    for (const seen of [atMember, atOther]) {
      await eventually(() => seen.length === 3, 'two message:new and a message:deleted');
      expect(seen.map(({ event, payload }) => ({ event, payload }))).toEqual([
        { event: 'message:new', payload: expect.objectContaining({ id: kept.id }) },
        { event: 'message:new', payload: expect.objectContaining({ id: gone.id }) },
        { event: 'message:deleted', payload: deleted },
      ]);
    }
    const tombstone = { ...gone, text: '', deletedAt: expect.stringMatching(ISO), unreadCount: expect.any(Number) };
    expect(await history(other, channelId)).toEqual([expect.objectContaining({ id: kept.id, text: 'a fine remark', deletedAt: null }), tombstone]);
    expect(await search(other, channelId, 'hunter2')).toEqual([]);
    expect((await search(other, channelId, 'a')).map((message) => message.id)).toEqual([kept.id]);
    const mine = (await t.http.get('/api/channels').set(bearer(other.token)).expect(200)).body as { id: string; lastMessage: MessageJson }[];
    expect(mine.find((channel) => channel.id === channelId)?.lastMessage).toEqual({ ...gone, text: '', deletedAt: expect.stringMatching(ISO), unreadCount: undefined });
    expect(await storedMessageRow(t, gone.id)).toEqual({ text: '', edited: false, deleted: true });
    // A deleted message cannot be edited, and a second delete is answered ok without a second event.
    expect(await editOn(memberSocket, channelId, gone.id, 'undo')).toEqual(refusal('NOT_FOUND'));
    expect(await deleteOn(memberSocket, channelId, gone.id)).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(atOther).toHaveLength(3);
  });

  it('deletes my own message; refuses SYSTEM messages (even to the owner), unknown ids (NOT_FOUND) and payloads of a bad shape (VALIDATION)', async () => {
    const [owner, member] = [await signedInUser(t.http, 'Owner'), await signedInUser(t.http, 'Member')];
    const channelId = await channelOf(owner, member);
    const [ownerSocket, memberSocket] = [await connect(owner), await connect(member)];
    const notice = await storedNotice(t, channelId, 'Member joined');
    const mine = await sendOn(memberSocket, channelId, 'my own words');

    expect(await deleteOn(ownerSocket, channelId, notice.id)).toEqual(refusal('FORBIDDEN'));
    expect(await editOn(ownerSocket, channelId, notice.id, 'edited notice')).toEqual(refusal('FORBIDDEN'));
    expect(await editOn(memberSocket, channelId, '00000000-0000-4000-8000-000000000000', 'nothing')).toEqual(refusal('NOT_FOUND'));
    expect(await deleteOn(memberSocket, channelId, '00000000-0000-4000-8000-000000000000')).toEqual(refusal('NOT_FOUND'));
    const badEdits: unknown[] = [
      null,
      { channelId, messageId: mine.id },
      { channelId, messageId: 'not-an-id', text: 'x' },
      { channelId, messageId: mine.id, text: '  \n ' },
      { channelId, messageId: mine.id, text: 'x'.repeat(4001) },
      { channelId, messageId: mine.id, text: 7 },
      { channelId, messageId: mine.id, text: 'x', clientMsgId: 'extra' },
    ];
    for (const payload of badEdits) expect({ payload, ack: await ask(memberSocket, 'message:edit', payload) }).toEqual({ payload, ack: refusal('VALIDATION') });
    for (const payload of [{ channelId }, { channelId, messageId: mine.id, text: 'x' }, { channelId, messageId: 42 }]) {
      expect({ payload, ack: await ask(memberSocket, 'message:delete', payload) }).toEqual({ payload, ack: refusal('VALIDATION') });
    }

    expect(await deleteOn(memberSocket, channelId, mine.id)).toEqual({ ok: true });
    expect((await fullHistory(owner, channelId)).map(({ type, text, deletedAt }) => ({ type, text, deleted: deletedAt !== null }))).toEqual([
      { type: 'SYSTEM', text: 'Member joined', deleted: false },
      { type: 'TEXT', text: '', deleted: true },
    ]);
  });
}

describeOnEachStore('message edit and delete', editCases);

// Two nodes on one MariaDB schema and one Kafka cluster (in one process, each its own app).
describeOnKafkaAndMysql('message edit and delete across two nodes (BUS=kafka)', () => {
  const cluster = twoKafkaNodes((env) => startTestApp(env, { listen: true }));
  const sockets = socketsClosedAfterEach();

  it('an edit and a delete made on node 2 right after the sends on node 1 reach every member on both nodes once each, in order after the send', async () => {
    const [first, second] = cluster.nodes();
    const [ana, ben] = [await signedInUser(first.http, 'Ana'), await signedInUser(second.http, 'Ben')];
    const channel = (await first.http.post('/api/channels').set(bearer(ana.token)).send({ name: 'Across' }).expect(201)).body;
    await second.http.post(`/api/channels/${channel.id}/join`).set(bearer(ben.token)).send({}).expect(200);
    // Ben's join notice takes seq 1; stored before the sockets connect, so they never see it.
    await storedNotice(first, channel.id, 'Ben joined');
    const [anaOnFirst, anaOnSecond, benOnSecond] = [
      sockets.keep(await connectChat(first.url, ana.token)),
      sockets.keep(await connectChat(second.url, ana.token)),
      sockets.keep(await connectChat(second.url, ben.token)),
    ];
    const [atFirst, atSecond] = [watch(anaOnFirst), watch(benOnSecond)];
    const received = collect<MessageJson>(benOnSecond, 'message:new');

    // Ten messages sent on node 1; each edited on node 2 as soon as it is acked, every other one then deleted.
    const lives = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        const sent = await sendOn(anaOnFirst, channel.id, `draft ${n}`);
        const edited = await editOn(anaOnSecond, channel.id, sent.id, `final ${n}`);
        const deleted = n % 2 ? await deleteOn(anaOnSecond, channel.id, sent.id) : undefined;
        return { sent, edited, deleted };
      }),
    );

    for (const { sent, edited, deleted } of lives) {
      expect(edited).toEqual({ ok: true, message: expect.objectContaining({ id: sent.id, seq: sent.seq, text: `final ${sent.text.slice(6)}` }) });
      if (deleted) expect(deleted).toEqual({ ok: true });
    }
    const eventsOf = (seen: ReturnType<typeof watch>) => seen.length;
    await eventually(() => eventsOf(atFirst) >= 25 && eventsOf(atSecond) >= 25, '10 new, 10 updated and 5 deleted on both nodes', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.map((message) => message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, k) => k + 2));
    for (const seen of [atFirst, atSecond]) {
      expect(seen).toHaveLength(25);
      lives.forEach(({ sent, edited }, n) => {
        const ofMessage = seen.filter((entry) => entry.id === sent.id);
        expect(ofMessage.map(({ event, payload }) => ({ event, payload }))).toEqual([
          { event: 'message:new', payload: expect.objectContaining({ id: sent.id, text: sent.text, editedAt: null }) },
          { event: 'message:updated', payload: edited.ok && { ...edited.message, unreadCount: expect.any(Number) } },
          ...(n % 2 ? [{ event: 'message:deleted', payload: { channelId: channel.id, id: sent.id, seq: sent.seq } }] : []),
        ]);
      });
    }
    const stored = (await first.http.get(`/api/channels/${channel.id}/messages`).set(bearer(ben.token)).expect(200)).body.items as MessageJson[];
    expect(stored[0]).toMatchObject({ seq: 1, type: 'SYSTEM', text: 'Ben joined' });
    expect(stored.slice(1).map(({ seq, text, deletedAt }) => ({ seq, text, deleted: deletedAt !== null }))).toEqual(
      lives
        .map(({ sent }, n) => ({ seq: sent.seq, text: n % 2 ? '' : `final ${n}`, deleted: n % 2 === 1 }))
        .sort((a, b) => a.seq - b.seq),
    );
    for (const { sent } of lives.filter((_, n) => n % 2)) expect(await storedMessageRow(second, sent.id)).toEqual({ text: '', edited: true, deleted: true });
  });
});
