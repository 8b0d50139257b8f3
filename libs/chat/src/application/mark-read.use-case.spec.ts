import { InvalidMessageQueryError } from '../domain/message-query.errors';
import { ReadReceipt } from '../domain/read-receipt';
import { MarkRead } from './mark-read.use-case';
import { ChannelMembers, MemberMark } from './ports/channel-members.port';
import { MessageStore } from './ports/message-store.port';
import { ReadReceipts } from './ports/read-receipts.port';

const CHANNEL = 'c1';
const USER = 'u1';

class FakeMembers extends ChannelMembers {
  advances: number[] = [];
  constructor(
    private mark: number,
    private readonly refusal?: Error,
    private readonly raced = false,
  ) {
    super();
  }
  async requireMember(): Promise<MemberMark> {
    if (this.refusal) throw this.refusal;
    return { lastReadSeq: this.mark };
  }
  async advanceReadMark(_userId: string, _channelId: string, seq: number): Promise<boolean> {
    this.advances.push(seq);
    if (this.raced || seq <= this.mark) return false;
    this.mark = seq;
    return true;
  }
  async readMarksOf(): Promise<never> {
    throw new Error('not used by MarkRead');
  }
  async advanceSendersReadMarks(): Promise<void> {
    throw new Error('MarkRead never moves senders\' marks');
  }
}

class RecordedReceipts extends ReadReceipts {
  readonly published: ReadReceipt[] = [];
  async publish(receipt: ReadReceipt): Promise<void> {
    this.published.push(receipt);
  }
}

/** Only lastSeq is used by MarkRead; it counts its calls. */
function storeWithLastSeq(lastSeq: number) {
  const calls = { lastSeq: 0 };
  const store = {
    lastSeq: async (ids: readonly string[]) => {
      calls.lastSeq += 1;
      return new Map(ids.map((id) => [id, lastSeq]));
    },
  } as unknown as MessageStore;
  return { store, calls };
}

describe('MarkRead', () => {
  it('clamps to the last message and publishes the mark it set', async () => {
    const members = new FakeMembers(2);
    const receipts = new RecordedReceipts();
    await new MarkRead(members, storeWithLastSeq(7).store, receipts).execute(USER, CHANNEL, 1000);
    expect(members.advances).toEqual([7]);
    expect(receipts.published).toEqual([{ channelId: CHANNEL, userId: USER, seq: 7 }]);
  });

  it('does not look up the channel or move anything for a seq at or below the mark', async () => {
    const members = new FakeMembers(5);
    const receipts = new RecordedReceipts();
    const { store, calls } = storeWithLastSeq(9);
    await new MarkRead(members, store, receipts).execute(USER, CHANNEL, 5);
    await new MarkRead(members, store, receipts).execute(USER, CHANNEL, 0);
    expect(calls.lastSeq).toBe(0);
    expect(members.advances).toEqual([]);
    expect(receipts.published).toEqual([]);
  });

  it('publishes nothing when a concurrent mark got there first', async () => {
    const members = new FakeMembers(1, undefined, true);
    const receipts = new RecordedReceipts();
    await new MarkRead(members, storeWithLastSeq(4).store, receipts).execute(USER, CHANNEL, 3);
    expect(members.advances).toEqual([3]);
    expect(receipts.published).toEqual([]);
  });

  it('refuses a seq that is not an integer ≥ 0 before asking anyone', async () => {
    const refusal = new Error('never asked');
    for (const seq of [-1, 1.5, Number.NaN, 2 ** 53]) {
      await expect(new MarkRead(new FakeMembers(0, refusal), storeWithLastSeq(1).store, new RecordedReceipts()).execute(USER, CHANNEL, seq)).rejects.toBeInstanceOf(
        InvalidMessageQueryError,
      );
    }
  });

  it("passes the channel library's refusal of a non-member on, touching nothing", async () => {
    const refusal = new Error('not a member');
    const members = new FakeMembers(0, refusal);
    const { store, calls } = storeWithLastSeq(3);
    const receipts = new RecordedReceipts();
    await expect(new MarkRead(members, store, receipts).execute(USER, CHANNEL, 2)).rejects.toBe(refusal);
    expect([calls.lastSeq, members.advances.length, receipts.published.length]).toEqual([0, 0, 0]);
  });
});
