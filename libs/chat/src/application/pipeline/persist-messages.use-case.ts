import { MessageDraft } from '../../domain/message';
import { ChannelMembers, SenderReadMark } from '../ports/channel-members.port';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { MessageBus } from '../ports/message-bus.port';
import { AppendOutcome, MessageStore } from '../ports/message-store.port';
import { SendersReadMarks } from './senders-read-marks';
import { StoredMessageWatchers } from './stored-message-watchers';

/** How long a sender's read mark may lag their stored message: the marks of this long go in one commit. */
const READ_MARK_INTERVAL_MS = 200;

/** The persist stage: one store transaction per batch, then the stored batch goes to every node. */
export class PersistMessages {
  private readonly readMarks: SendersReadMarks;

  constructor(
    private readonly store: MessageStore,
    private readonly bus: MessageBus,
    private readonly members: ChannelMembers,
    private readonly metrics: ChatMetrics,
    private readonly watchers: StoredMessageWatchers,
  ) {
    this.readMarks = new SendersReadMarks(members, READ_MARK_INTERVAL_MS);
  }

  async execute(drafts: readonly MessageDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const started = performance.now();
    const outcomes = await this.store.appendBatch(drafts);
    this.metrics.batchStored(drafts.length, outcomes.filter((outcome) => outcome.isNew).length, (performance.now() - started) / 1000);
    // A draft offered again after a crash (stored, its log position not yet committed) finds its
    // own message: announce it as new, since the first announcement may never have gone out.
    // A client's retry is another draft (another id) and stays a duplicate, never shown twice.
    const announced = outcomes.map((outcome, n) => ({ message: outcome.message, isNew: outcome.isNew || outcome.message.id === drafts[n].id }));
    await this.bus.publishStored(announced);
    this.watchers.tell(announced.filter((outcome) => outcome.isNew).map((outcome) => outcome.message));
    this.moveSendersReadMarks(outcomes);
  }

  /** Moves the senders' marks still queued: on shutdown, after the last batch and before the stores close. */
  flushReadMarks(): Promise<void> {
    return this.readMarks.flush();
  }

  /**
   * A sender has read their own message (DESIGN §5 Read marks): the newest seq per sender and
   * channel, moved with those of the batches stored in the next READ_MARK_INTERVAL_MS in one
   * transaction. Best effort: the messages are stored and announced already, and a mark that lags
   * is moved by the sender's next message or read.
   */
  private moveSendersReadMarks(outcomes: readonly AppendOutcome[]): void {
    const marks: SenderReadMark[] = [];
    for (const { message, isNew } of outcomes) if (isNew && message.type === 'TEXT') marks.push({ channelId: message.channelId, userId: message.senderId, seq: message.seq });
    this.readMarks.add(marks);
  }
}
