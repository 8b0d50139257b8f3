import fc from 'fast-check';
import { Message } from './message';
import { ChannelReadMarks, countFresh, ReadMark } from './unread-count';

const text = (seq: number, senderId: string): Message => ({
  id: `m${seq}`,
  channelId: 'c',
  seq,
  type: 'TEXT',
  senderId,
  senderName: senderId,
  text: 'x',
  clientMsgId: `k${seq}`,
  replyToId: null,
  createdAt: new Date(0),
  editedAt: null,
  deletedAt: null,
});
const system = (seq: number): Message => ({ ...text(seq, 'x'), type: 'SYSTEM', senderId: null, senderName: null, clientMsgId: null, replyToId: null });

describe('ChannelReadMarks', () => {
  const marks: ReadMark[] = [
    { userId: 'a', lastReadSeq: 5 },
    { userId: 'b', lastReadSeq: 2 },
    { userId: 'c', lastReadSeq: 0 },
    { userId: 'd', lastReadSeq: 5 },
  ];
  const counts = new ChannelReadMarks(marks);

  it('counts the members whose mark is below the seq, never the sender', () => {
    expect(counts.count([text(1, 'a'), text(2, 'a'), text(3, 'a'), text(5, 'b'), text(6, 'a')]).map((m) => m.unreadCount)).toEqual([1, 1, 2, 1, 3]);
    // Sender c's mark (0) lags behind their own message: still not counted.
    expect(counts.unreadCount(text(3, 'c'))).toBe(1);
    // A sender who left is simply not among the marks.
    expect(counts.unreadCount(text(6, 'gone'))).toBe(4);
    // A notice is never unread (DESIGN §5): nobody is waited for.
    expect(counts.unreadCount(system(3))).toBe(0);
  });

  it('agrees with counting every mark one by one', () => {
    const arbitraryMarks = fc.uniqueArray(fc.record({ userId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), lastReadSeq: fc.nat(20) }), { selector: (m) => m.userId });
    fc.assert(
      fc.property(arbitraryMarks, fc.integer({ min: 1, max: 21 }), fc.constantFrom('a', 'b', 'z'), (all, seq, sender) => {
        const expected = all.filter((mark) => mark.userId !== sender && mark.lastReadSeq < seq).length;
        expect(new ChannelReadMarks(all).unreadCount(text(seq, sender))).toBe(expected);
      }),
    );
  });
});

describe('countFresh', () => {
  it('counts every other member, less those who sent a later message of the batch', () => {
    const members = new Set(['a', 'b', 'c', 'd']);
    const batch = [text(10, 'a'), text(11, 'b'), text(12, 'a'), text(13, 'c'), text(14, 'outsider')];
    expect(countFresh(batch, members).map((m) => [m.seq, m.unreadCount])).toEqual([
      [10, 1], // b and c sent later: only d has not read it
      [11, 1], // a and c sent later
      [12, 2], // c sent later
      [13, 3],
      [14, 4], // a sender who is no member any more: every member counts
    ]);
    expect(countFresh([system(3)], members)[0].unreadCount).toBe(0);
    expect(countFresh([], members)).toEqual([]);
  });
});
