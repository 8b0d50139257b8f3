import { ChannelMembers, SenderReadMark } from '../ports/channel-members.port';
import { SendersReadMarks } from './senders-read-marks';

class RecordedMembers extends ChannelMembers {
  readonly moves: SenderReadMark[][] = [];
  failing = false;
  async requireMember(): Promise<{ lastReadSeq: number }> {
    return { lastReadSeq: 0 };
  }
  async advanceReadMark(): Promise<boolean> {
    return true;
  }
  async readMarksOf(): Promise<never> {
    throw new Error('not used by SendersReadMarks');
  }
  async advanceSendersReadMarks(marks: readonly SenderReadMark[]): Promise<void> {
    if (this.failing) throw new Error('store down');
    this.moves.push([...marks]);
  }
}

const mark = (channelId: string, userId: string, seq: number): SenderReadMark => ({ channelId, userId, seq });

describe('SendersReadMarks', () => {
  it('moves the marks of several batches in one call within the interval, the highest seq per sender and channel', async () => {
    const members = new RecordedMembers();
    const marks = new SendersReadMarks(members, 20);
    marks.add([mark('c1', 'u1', 3), mark('c1', 'u2', 4)]);
    marks.add([mark('c1', 'u1', 5), mark('c2', 'u1', 1), mark('c1', 'u2', 2)]);
    expect(members.moves).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(members.moves).toEqual([[mark('c1', 'u1', 5), mark('c1', 'u2', 4), mark('c2', 'u1', 1)]]);
  });

  it('flush moves what is queued at once; a failed move is dropped and later marks still move', async () => {
    const members = new RecordedMembers();
    const marks = new SendersReadMarks(members, 60_000);
    members.failing = true;
    marks.add([mark('c1', 'u1', 1)]);
    await expect(marks.flush()).resolves.toBeUndefined();
    members.failing = false;
    marks.add([mark('c1', 'u1', 2)]);
    await marks.flush();
    await marks.flush(); // nothing queued: no call

    expect(members.moves).toEqual([[mark('c1', 'u1', 2)]]);
  });
});
