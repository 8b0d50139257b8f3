import { Message, MessageDraft, SystemMessageDraft, TextMessageDraft } from '../../domain/message';
import { ChangeOutcome, MessageChange, messageDeletion, messageEdit } from '../../domain/message-change';
import { systemMessageDraft, textMessageDraft } from '../../domain/message-draft';
import { AppendOutcome, MessageStore } from './message-store.port';

export interface MessageStoreFixture {
  store: MessageStore;
  /** A second store over the same data, as another server node (or process) would have. */
  sibling: MessageStore;
  close(): Promise<void>;
}

let sequence = 0;
const uuid = (block: string) => `00000000-0000-4000-${block}-${String((sequence += 1)).padStart(12, '0')}`;
const newId = () => uuid('8000');
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, second, 123));

const ALICE = '00000000-0000-4000-a000-00000000000a';
const BOB = '00000000-0000-4000-b000-00000000000b';

function text(channelId: string, clientMsgId: string, body = `text of ${clientMsgId}`, senderId = ALICE): TextMessageDraft {
  return textMessageDraft({ id: newId(), channelId, senderId, senderName: 'Alice', text: body, clientMsgId, createdAt: at(1) });
}

function notice(channelId: string, body = 'Bob joined'): SystemMessageDraft {
  return systemMessageDraft({ id: newId(), channelId, text: body, createdAt: at(2) });
}

function edit(message: Message, body: string, second = 10, editorId = ALICE): MessageChange {
  return messageEdit({ id: newId(), channelId: message.channelId, messageId: message.id, requesterId: editorId, text: body, at: at(second) });
}

function deletion(message: Message, second = 20, deleterId = ALICE, requesterOwnsChannel = false): MessageChange {
  return messageDeletion({ id: newId(), channelId: message.channelId, messageId: message.id, requesterId: deleterId, requesterOwnsChannel, at: at(second) });
}

const applied = (change: MessageChange, message: Message, isNew = true): ChangeOutcome => ({
  changeId: change.id,
  change: change.change,
  channelId: change.channelId,
  applied: true,
  message,
  isNew,
});
const refused = (change: MessageChange, refusal: 'NOT_FOUND' | 'FORBIDDEN'): ChangeOutcome => ({
  changeId: change.id,
  change: change.change,
  channelId: change.channelId,
  applied: false,
  refusal,
});

const seqs = (messages: readonly Message[]) => messages.map((message) => message.seq);
const texts = (messages: readonly Message[]) => messages.map((message) => message.text);
const stored = (draft: MessageDraft, seq: number): Message => ({ ...draft, seq, editedAt: null, deletedAt: null });

/** The expectations every MessageStore adapter must meet; called once per adapter. */
export function messageStoreContract(open: () => Promise<MessageStoreFixture>): void {
  let fixture: MessageStoreFixture;
  let store: MessageStore;
  let channel: string;
  let other: string;
  beforeEach(async () => {
    fixture = await open();
    store = fixture.store;
    channel = uuid('c000');
    other = uuid('d000');
  });
  afterEach(() => fixture.close());

  /** Stores `count` texts in `channelId` (one batch) and answers them. */
  async function fill(channelId: string, count: number, body = (i: number) => `message ${i}`): Promise<Message[]> {
    const outcomes = await store.appendBatch(Array.from({ length: count }, (_, i) => text(channelId, `fill-${i}`, body(i + 1))));
    return outcomes.map((outcome) => outcome.message);
  }

  describe('appendBatch', () => {
    it('numbers each channel 1, 2, 3, … across batches, in input order, and stores what it answers', async () => {
      const first = [text(channel, 'a'), text(other, 'b'), text(channel, 'c')];
      expect(await store.appendBatch(first)).toEqual([
        { message: stored(first[0], 1), isNew: true },
        { message: stored(first[1], 1), isNew: true },
        { message: stored(first[2], 2), isNew: true },
      ]);
      const second = [text(other, 'd'), notice(channel), text(channel, 'e')];
      expect((await store.appendBatch(second)).map((outcome) => outcome.message.seq)).toEqual([2, 3, 4]);
      expect(await store.pageLatest(channel, 10)).toEqual([stored(first[0], 1), stored(first[2], 2), stored(second[1], 3), stored(second[2], 4)]);
      expect(await store.pageLatest(other, 10)).toEqual([stored(first[1], 1), stored(second[0], 2)]);
    });

    it('continues from what is stored, also when another store instance wrote last', async () => {
      await store.appendBatch([text(channel, 'a'), text(channel, 'b')]);
      expect((await fixture.sibling.appendBatch([text(channel, 'c')]))[0].message.seq).toBe(3);
      expect((await store.appendBatch([text(channel, 'd')]))[0].message.seq).toBe(4);
      expect(seqs(await fixture.sibling.pageLatest(channel, 10))).toEqual([1, 2, 3, 4]);
    });

    it('answers a retry with the first stored message, without a second row or a used-up seq', async () => {
      const [original] = await store.appendBatch([text(channel, 'retry-me', 'first words')]);
      const retry = text(channel, 'retry-me', 'second words');
      expect(await store.appendBatch([retry, text(channel, 'fresh')])).toEqual([
        { message: original.message, isNew: false },
        { message: expect.objectContaining({ seq: 2, clientMsgId: 'fresh' }), isNew: true },
      ]);
      expect(texts(await store.pageLatest(channel, 10))).toEqual(['first words', 'text of fresh']);
    });

    it('stores a retry inside one batch once, and answers every copy with the first', async () => {
      const drafts = [text(channel, 'twice', 'one'), text(channel, 'other'), text(channel, 'twice', 'two'), text(channel, 'twice', 'three')];
      const outcomes = await store.appendBatch(drafts);
      expect(outcomes.map((outcome) => [outcome.message.seq, outcome.isNew])).toEqual([[1, true], [2, true], [1, false], [1, false]]);
      expect(outcomes[2].message).toEqual(stored(drafts[0], 1));
      expect(texts(await store.pageLatest(channel, 10))).toEqual(['one', 'text of other']);
    });

    it('tells retries apart by channel, sender and the exact client id (case and trailing spaces count)', async () => {
      const drafts = [
        text(channel, 'id'),
        text(other, 'id'),
        text(channel, 'id', 'by Bob', BOB),
        text(channel, 'ID'),
        text(channel, 'id '),
        text(channel, '아이디'),
      ];
      const outcomes = await store.appendBatch(drafts);
      expect(outcomes.every((outcome) => outcome.isNew)).toBe(true);
      expect(await store.appendBatch([text(channel, '아이디', 'again'), text(channel, 'id ', 'again')])).toEqual([
        { message: outcomes[5].message, isNew: false },
        { message: outcomes[4].message, isNew: false },
      ]);
    });

    it('stores every SYSTEM message, with no sender and no client id', async () => {
      const outcomes = await store.appendBatch([notice(channel, 'Bob joined'), notice(channel, 'Bob joined')]);
      expect(outcomes.map((outcome) => [outcome.message.seq, outcome.isNew])).toEqual([[1, true], [2, true]]);
      expect(outcomes[0].message).toMatchObject({ type: 'SYSTEM', senderId: null, senderName: null, clientMsgId: null });
    });

    it('answers an empty batch with nothing', async () => {
      expect(await store.appendBatch([])).toEqual([]);
      expect(await store.lastSeq([channel])).toEqual(new Map([[channel, 0]]));
    });

    it('stores a batch as one transaction: a failing draft leaves no trace of the others', async () => {
      const [kept] = await store.appendBatch([text(channel, 'kept')]);
      const clash = { ...text(other, 'clash'), id: kept.message.id };
      // toHaveProperty, not toThrow: better-sqlite3 builds its errors from the first jest realm that loaded it.
      await expect(store.appendBatch([text(channel, 'lost'), text(other, 'lost too'), clash])).rejects.toHaveProperty('message');
      expect(await store.lastSeq([channel, other])).toEqual(new Map([[channel, 1], [other, 0]]));
      expect(texts(await store.pageLatest(channel, 10))).toEqual(['text of kept']);
      expect((await store.appendBatch([text(channel, 'lost')]))[0]).toMatchObject({ message: { seq: 2 }, isNew: true });
    });

    it('never repeats or skips a seq when batches of one channel run at the same time on two stores', async () => {
      // Ten batches of five; neighbouring batches share one client id, so retries race too.
      const batches = Array.from({ length: 10 }, (_, b) => [
        text(channel, `race-${b}`),
        text(channel, `race-${b + 1}`),
        ...Array.from({ length: 3 }, (_, i) => text(channel, `own-${b}-${i}`)),
      ]);
      const results = await Promise.all(batches.map((batch, b) => (b % 2 ? fixture.sibling : store).appendBatch(batch)));
      const outcomes: AppendOutcome[] = results.flat();
      const unique = new Map(outcomes.map((outcome) => [outcome.message.clientMsgId, outcome.message]));
      expect(unique.size).toBe(11 + 30);
      expect(outcomes.filter((outcome) => outcome.isNew)).toHaveLength(41);
      for (const outcome of outcomes) expect(outcome.message).toEqual(unique.get(outcome.message.clientMsgId));
      const history = await store.pageAfter(channel, 0, 100);
      expect(seqs(history)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
      expect(new Set(history.map((message) => message.clientMsgId)).size).toBe(41);
    });

    it('serves concurrent batches that span the same channels in opposite orders, without a failure or a gap', async () => {
      const batches = Array.from({ length: 10 }, (_, b) => {
        const pair = [text(channel, `x-${b}-1`), text(channel, `x-${b}-2`), text(other, `y-${b}-1`), notice(other)];
        return b % 2 ? pair.reverse() : pair;
      });
      await Promise.all(batches.map((batch, b) => (b % 3 ? store : fixture.sibling).appendBatch(batch)));
      expect(seqs(await store.pageAfter(channel, 0, 100))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(seqs(await store.pageAfter(other, 0, 100))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await store.lastSeq([channel, other])).toEqual(new Map([[channel, 20], [other, 20]]));
    });

    it('round-trips text, names and times exactly: emoji, Korean, combining marks, 4,000 code points', async () => {
      const longest = '😀'.repeat(3998) + '한글';
      const drafts = [
        textMessageDraft({ id: newId(), channelId: channel, senderId: BOB, senderName: '김민아 🌸', text: '다들 안녕하세요 👋🏽 👨‍👩‍👧‍👦', clientMsgId: '😀'.repeat(64), createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)) }),
        text(channel, 'combining', 'Cafe\u0301 e\u0301 \u1100\u1161 \t  line\nbreak'),
        text(channel, 'longest', longest),
      ];
      const outcomes = await store.appendBatch(drafts);
      const page = await store.pageLatest(channel, 10);
      expect(page).toEqual(drafts.map((draft, i) => stored(draft, i + 1)));
      expect(page).toEqual(outcomes.map((outcome) => outcome.message));
      expect([...page[2].text].length).toBe(4000);
      expect(page[0].createdAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    });
  });

  describe('pages', () => {
    it('answers empty pages for a channel without messages', async () => {
      await fill(other, 3);
      expect(await store.pageLatest(channel, 50)).toEqual([]);
      expect(await store.pageAfter(channel, 0, 50)).toEqual([]);
      expect(await store.pageBefore(channel, 10, 50)).toEqual([]);
    });

    it('gives the newest page in ascending order, within the limit', async () => {
      await fill(channel, 5);
      await fill(other, 7);
      expect(seqs(await store.pageLatest(channel, 2))).toEqual([4, 5]);
      expect(seqs(await store.pageLatest(channel, 1))).toEqual([5]);
      expect(seqs(await store.pageLatest(channel, 100))).toEqual([1, 2, 3, 4, 5]);
      expect((await store.pageLatest(channel, 100)).every((message) => message.channelId === channel)).toBe(true);
    });

    it('gives the oldest messages after a cursor, and nothing after the end', async () => {
      await fill(channel, 5);
      expect(seqs(await store.pageAfter(channel, 0, 2))).toEqual([1, 2]);
      expect(seqs(await store.pageAfter(channel, 2, 2))).toEqual([3, 4]);
      expect(seqs(await store.pageAfter(channel, 4, 10))).toEqual([5]);
      expect(await store.pageAfter(channel, 5, 10)).toEqual([]);
      expect(await store.pageAfter(channel, 1000, 10)).toEqual([]);
    });

    it('gives the newest messages before a cursor, ascending, and nothing before the start', async () => {
      await fill(channel, 5);
      expect(seqs(await store.pageBefore(channel, 5, 2))).toEqual([3, 4]);
      expect(seqs(await store.pageBefore(channel, 3, 10))).toEqual([1, 2]);
      expect(await store.pageBefore(channel, 1, 10)).toEqual([]);
      expect(await store.pageBefore(channel, 0, 10)).toEqual([]);
      expect(seqs(await store.pageBefore(channel, 1000, 2))).toEqual([4, 5]);
    });

    it('refuses a limit below 1 or not whole, and a negative cursor', async () => {
      await fill(channel, 3);
      for (const limit of [0, -1, 1.5, Number.NaN]) {
        await expect(store.pageLatest(channel, limit)).rejects.toBeInstanceOf(RangeError);
        await expect(store.pageAfter(channel, 0, limit)).rejects.toBeInstanceOf(RangeError);
        await expect(store.pageBefore(channel, 3, limit)).rejects.toBeInstanceOf(RangeError);
        await expect(store.search(channel, 'message', limit)).rejects.toBeInstanceOf(RangeError);
      }
      await expect(store.pageAfter(channel, -1, 10)).rejects.toBeInstanceOf(RangeError);
      await expect(store.pageBefore(channel, -1, 10)).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('search', () => {
    it('finds Korean inside words, and 2-character queries', async () => {
      await fill(channel, 4, (i) => ['다들 안녕하세요', '안녕!', '잘 가요', 'hi'][i - 1]);
      expect(texts(await store.search(channel, '안녕', 20))).toEqual(['안녕!', '다들 안녕하세요']);
      expect(texts(await store.search(channel, '하세', 20))).toEqual(['다들 안녕하세요']);
      expect(texts(await store.search(channel, 'hi', 20))).toEqual(['hi']);
    });

    it('ignores case, Latin accents included', async () => {
      await fill(channel, 4, (i) => ['Hello World', 'say HELLO', 'hel lo', 'École ouverte'][i - 1]);
      expect(texts(await store.search(channel, 'hello', 20))).toEqual(['say HELLO', 'Hello World']);
      expect(texts(await store.search(channel, 'HeLLo W', 20))).toEqual(['Hello World']);
      expect(texts(await store.search(channel, 'éCOLE', 20))).toEqual(['École ouverte']);
    });

    it('takes %, _, \\ and emoji literally', async () => {
      await fill(channel, 7, (i) => ['100% sure', '1000 sure', 'snake_case', 'snakeXcase', 'C:\\temp', 'sushi 🍣', 'beer 🍺'][i - 1]);
      expect(texts(await store.search(channel, '0%', 20))).toEqual(['100% sure']);
      expect(texts(await store.search(channel, 'e_c', 20))).toEqual(['snake_case']);
      expect(texts(await store.search(channel, '%', 20))).toEqual(['100% sure']);
      expect(texts(await store.search(channel, '_', 20))).toEqual(['snake_case']);
      expect(texts(await store.search(channel, ':\\t', 20))).toEqual(['C:\\temp']);
      expect(texts(await store.search(channel, '🍣', 20))).toEqual(['sushi 🍣']);
    });

    it('answers newest first within the limit, in this channel only, TEXT only; an empty query finds nothing', async () => {
      await fill(channel, 5, (i) => `note ${i}`);
      await store.appendBatch([notice(channel, 'note from the system'), text(other, 'elsewhere', 'note elsewhere')]);
      expect(texts(await store.search(channel, 'note', 3))).toEqual(['note 5', 'note 4', 'note 3']);
      expect(await store.search(channel, 'note', 20)).toHaveLength(5);
      expect(await store.search(channel, 'system', 20)).toEqual([]);
      expect(await store.search(channel, 'elsewhere', 20)).toEqual([]);
      expect(await store.search(channel, '', 20)).toEqual([]);
    });

    it('finds a query only where its characters stand together, in order, not merely somewhere in the text', async () => {
      await fill(channel, 4, (i) => ['ab bc', 'abc', '안녕 녕하', '안녕하'][i - 1]);
      expect(texts(await store.search(channel, 'abc', 20))).toEqual(['abc']);
      expect(texts(await store.search(channel, '안녕하', 20))).toEqual(['안녕하']);
      expect(texts(await store.search(channel, 'aaaa', 20))).toEqual([]);
    });

    it('finds a long query, repeated characters and spaces included, and a single character', async () => {
      const long = `${'하하 '.repeat(30)}끝`;
      await fill(channel, 3, (i) => [long, '하', 'x  y'][i - 1]);
      expect(texts(await store.search(channel, `${'하하 '.repeat(30)}끝`, 20))).toEqual([long]);
      expect(texts(await store.search(channel, '하', 20))).toEqual(['하', long]);
      expect(texts(await store.search(channel, '  ', 20))).toEqual(['x  y']);
    });
  });

  describe('replies', () => {
    it('stores which message a reply answers, and reads it back in pages, search and last messages', async () => {
      const [quoted] = await fill(channel, 1);
      const reply = textMessageDraft({ ...text(channel, 'reply', 'the reply'), replyToId: quoted.id });
      const [outcome] = await store.appendBatch([reply, notice(channel)]);
      expect(outcome.message).toEqual(stored(reply, 2));
      expect((await fixture.sibling.pageLatest(channel, 10)).map((message) => message.replyToId)).toEqual([null, quoted.id, null]);
      expect(await store.pageAfter(channel, 1, 1)).toEqual([stored(reply, 2)]);
      expect(await store.search(channel, 'the reply', 5)).toEqual([stored(reply, 2)]);
      const [last] = await store.appendBatch([textMessageDraft({ ...text(other, 'last'), replyToId: quoted.id })]);
      expect((await store.lastMessages([other])).get(other)).toEqual(last.message);
    });

    it('finds messages by id across channels, each once, leaving unknown ids out', async () => {
      const [a] = await fill(channel, 1);
      const [b] = (await store.appendBatch([notice(other)])).map((outcome) => outcome.message);
      const found = await fixture.sibling.findByIds([b.id, newId(), a.id, a.id]);
      expect([...found].sort((x, y) => x.channelId.localeCompare(y.channelId))).toEqual([a, b].sort((x, y) => x.channelId.localeCompare(y.channelId)));
      expect(await store.findByIds([])).toEqual([]);
    });
  });

  describe('channel summaries', () => {
    it('gives the last message of each channel that has one, SYSTEM included', async () => {
      const empty = uuid('e000');
      await fill(channel, 3);
      const [last] = await store.appendBatch([notice(channel)]);
      const [only] = await store.appendBatch([text(other, 'only')]);
      expect(await store.lastMessages([channel, other, empty])).toEqual(new Map([[channel, last.message], [other, only.message]]));
      expect(await store.lastMessages([])).toEqual(new Map());
    });

    it("counts unread TEXT messages of others after each mark, not one's own or SYSTEM ones", async () => {
      const empty = uuid('e000');
      await store.appendBatch([
        text(channel, 'b1', 'x', BOB),
        text(channel, 'a1', 'x', ALICE),
        text(channel, 'b2', 'x', BOB),
        notice(channel),
        text(channel, 'a2', 'x', ALICE),
        text(channel, 'b3', 'x', BOB),
        text(other, 'b4', 'x', BOB),
      ]);
      expect(
        await store.unreadCounts([
          { channelId: channel, userId: ALICE, lastReadSeq: 1 },
          { channelId: other, userId: ALICE, lastReadSeq: 0 },
          { channelId: empty, userId: ALICE, lastReadSeq: 0 },
        ]),
      ).toEqual(new Map([[channel, 2], [other, 1], [empty, 0]]));
      expect(await store.unreadCounts([{ channelId: channel, userId: BOB, lastReadSeq: 0 }])).toEqual(new Map([[channel, 2]]));
      expect(await store.unreadCounts([{ channelId: channel, userId: ALICE, lastReadSeq: 6 }])).toEqual(new Map([[channel, 0]]));
      expect(await store.unreadCounts([])).toEqual(new Map());
    });

    it('gives the last seq of each channel, 0 without messages, unchanged by retries', async () => {
      const empty = uuid('e000');
      await fill(channel, 3);
      await store.appendBatch([notice(other)]);
      await store.appendBatch([text(channel, 'fill-0')]);
      expect(await store.lastSeq([channel, other, empty, channel])).toEqual(new Map([[channel, 3], [other, 1], [empty, 0]]));
    });
  });

  describe('edits and deletes', () => {
    it("edits the sender's own TEXT message in place: new text and editedAt, the same seq, seen by pages, search, lastMessages and another instance", async () => {
      const [first, second] = await fill(channel, 2, (i) => `draft ${i}`);
      const change = edit(first, 'final words 🌸');
      const edited = { ...first, text: 'final words 🌸', editedAt: at(10) };

      expect(await store.applyChanges([change])).toEqual([applied(change, edited)]);

      expect(await fixture.sibling.pageLatest(channel, 10)).toEqual([edited, second]);
      expect(await store.search(channel, 'final', 20)).toEqual([edited]);
      expect(await store.search(channel, 'draft 1', 20)).toEqual([]);
      const again = edit(second, 'last');
      await store.applyChanges([again]);
      expect((await store.lastMessages([channel])).get(channel)).toEqual({ ...second, text: 'last', editedAt: at(10) });
    });

    it('deletes for good: the text becomes "" and deletedAt is set, the seq stays, search never finds it, lastMessages shows the tombstone', async () => {
      const [kept, gone] = await fill(channel, 2, (i) => `secret ${i}`);
      const change = deletion(gone);
      const tombstone = { ...gone, text: '', deletedAt: at(20) };

      expect(await store.applyChanges([change])).toEqual([applied(change, tombstone)]);

      expect(await fixture.sibling.pageAfter(channel, 0, 10)).toEqual([kept, tombstone]);
      expect(await store.search(channel, 'secret', 20)).toEqual([kept]);
      expect(await store.search(channel, 'secret 2', 20)).toEqual([]);
      expect(await store.lastMessages([channel])).toEqual(new Map([[channel, tombstone]]));
      expect(await store.lastSeq([channel])).toEqual(new Map([[channel, 2]]));
      // Numbering goes on after the tombstone.
      expect((await store.appendBatch([text(channel, 'next')]))[0].message.seq).toBe(3);
    });

    it("lets the channel's owner delete anyone's TEXT message, and nobody a SYSTEM one or another's without owning the channel", async () => {
      const [[bobs], [system]] = [await store.appendBatch([text(channel, 'b', 'by Bob', BOB)]), await store.appendBatch([notice(channel)])];
      const changes = [
        deletion(bobs.message, 20, ALICE, false),
        deletion(system.message, 21, ALICE, true),
        edit(system.message, 'rewritten'),
        deletion(bobs.message, 22, ALICE, true),
      ];

      expect(await store.applyChanges(changes)).toEqual([
        refused(changes[0], 'FORBIDDEN'),
        refused(changes[1], 'FORBIDDEN'),
        refused(changes[2], 'FORBIDDEN'),
        applied(changes[3], { ...bobs.message, text: '', deletedAt: at(22) }),
      ]);
      expect(await store.pageLatest(channel, 10)).toEqual([{ ...bobs.message, text: '', deletedAt: at(22) }, system.message]);
    });

    it("refuses an edit of someone else's message, and a change of an unknown message or another channel's as NOT_FOUND, changing nothing", async () => {
      const [mine] = await fill(channel, 1);
      const [elsewhere] = await fill(other, 1);
      const changes = [
        edit(mine, 'by Bob', 10, BOB),
        edit({ ...mine, id: newId() }, 'nobody'),
        deletion({ ...mine, id: newId() }),
        { ...deletion(elsewhere), channelId: channel },
      ];

      expect(await store.applyChanges(changes)).toEqual([
        refused(changes[0], 'FORBIDDEN'),
        refused(changes[1], 'NOT_FOUND'),
        refused(changes[2], 'NOT_FOUND'),
        refused(changes[3], 'NOT_FOUND'),
      ]);
      expect(await store.pageLatest(channel, 10)).toEqual([mine]);
      expect(await store.pageLatest(other, 10)).toEqual([elsewhere]);
    });

    it('applies a batch in order: the last edit wins, an edit after the delete is NOT_FOUND, a second delete is ok but no news (the same change offered again is)', async () => {
      const [message] = await fill(channel, 1);
      const firstDelete = deletion(message, 20);
      const changes = [edit(message, 'one', 10), edit(message, 'two', 11), firstDelete, edit(message, 'three', 12), deletion(message, 23)];
      const tombstone = { ...message, text: '', editedAt: at(11), deletedAt: at(20) };

      expect(await store.applyChanges(changes)).toEqual([
        applied(changes[0], { ...message, text: 'one', editedAt: at(10) }),
        applied(changes[1], { ...message, text: 'two', editedAt: at(11) }),
        applied(firstDelete, tombstone),
        refused(changes[3], 'NOT_FOUND'),
        applied(changes[4], tombstone, false),
      ]);
      // The persist stage offers a batch again after a crash between the commit and the log's offset.
      expect(await store.applyChanges([firstDelete])).toEqual([applied(firstDelete, tombstone, true)]);
      expect(await store.pageLatest(channel, 10)).toEqual([tombstone]);
    });

    it('answers a retried send with its message as it is now, edited or deleted, storing nothing new', async () => {
      const [sent] = await store.appendBatch([text(channel, 'once', 'first words')]);
      await store.applyChanges([edit(sent.message, 'better words')]);
      expect(await store.appendBatch([text(channel, 'once', 'first words')])).toEqual([{ message: { ...sent.message, text: 'better words', editedAt: at(10) }, isNew: false }]);
      await store.applyChanges([deletion(sent.message)]);
      const [retry] = await store.appendBatch([text(channel, 'once', 'first words')]);
      expect(retry).toEqual({ message: { ...sent.message, text: '', editedAt: at(10), deletedAt: at(20) }, isNew: false });
    });

    it('answers an empty batch of changes with nothing', async () => {
      expect(await store.applyChanges([])).toEqual([]);
    });
  });
}
