import { NewMessage } from '../domain/new-message';
import { PUSH_INTAKE_MAX, PushQueue } from './push-queue';

const message = (seq: number, channelId = 'c1'): NewMessage => ({ id: `m${seq}`, channelId, seq, senderId: 'ana', senderName: 'Ana', text: `text ${seq}` });

describe('PushQueue', () => {
  it('sends the first notice of a quiet spell at once and folds the rest of the window into one', () => {
    const queue = new PushQueue(1_000);
    expect(queue.hold('ben', message(1))).toBe(false);
    expect(queue.takeDue(0)).toEqual([{ userId: 'ben', notice: expect.objectContaining({ seq: 1, count: 1 }) }]);
    queue.hold('ben', message(3));
    expect(queue.hold('ben', message(2))).toBe(true);
    expect(queue.takeDue(999)).toEqual([]);
    // The newest message and the count of the run, at the window's end.
    expect(queue.takeDue(1_000)).toEqual([{ userId: 'ben', notice: { channelId: 'c1', messageId: 'm3', seq: 3, senderName: 'Ana', text: 'text 3', count: 2 } }]);
    expect(queue.takeDue(5_000)).toEqual([]);
  });

  it('keeps a window per user and channel', () => {
    const queue = new PushQueue(1_000);
    queue.hold('ben', message(1, 'c1'));
    queue.takeDue(0);
    queue.hold('ben', message(2, 'c2'));
    queue.hold('cho', message(3, 'c1'));
    expect(queue.takeDue(10).map((due) => `${due.userId}:${due.notice.channelId}`).sort()).toEqual(['ben:c2', 'cho:c1']);
  });

  it('stays bounded: beyond the limit the oldest unexamined messages are dropped and counted', () => {
    const queue = new PushQueue(1_000);
    expect(queue.offer(Array.from({ length: PUSH_INTAKE_MAX }, (_, n) => message(n)))).toBe(0);
    expect(queue.offer([message(PUSH_INTAKE_MAX), message(PUSH_INTAKE_MAX + 1)])).toBe(2);
    const taken = queue.takeIntake();
    expect(taken).toHaveLength(PUSH_INTAKE_MAX);
    expect(taken[0].seq).toBe(2);
    expect(queue.takeIntake()).toEqual([]);
  });
});
