import { ChannelMembers, SenderReadMark } from '../ports/channel-members.port';

/**
 * The senders' read marks of stored batches, moved at most once per `intervalMs` in one
 * transaction: under load a batch is stored every few milliseconds, and a commit of its own for
 * each batch's marks (an fsync on SQLite, on the event loop) cost as much as storing the batch.
 * Only the highest seq per sender and channel is kept. Best effort, like the moves it merges: a
 * failed move is dropped (the sender's next message or read moves the mark).
 */
export class SendersReadMarks {
  private pending = new Map<string, SenderReadMark>();
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly members: ChannelMembers,
    private readonly intervalMs: number,
  ) {}

  /** Queues the marks; they are moved within `intervalMs` (plus the commit before them). */
  add(marks: readonly SenderReadMark[]): void {
    for (const mark of marks) {
      const key = `${mark.channelId}\n${mark.userId}`;
      if ((this.pending.get(key)?.seq ?? 0) < mark.seq) this.pending.set(key, mark);
    }
    if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Moves what is queued now (after any move still running); for shutdown and tests. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const marks = [...this.pending.values()];
    this.pending = new Map();
    this.running = this.running.then(() => (marks.length === 0 ? undefined : this.members.advanceSendersReadMarks(marks).catch(() => undefined)));
    return this.running;
  }
}
