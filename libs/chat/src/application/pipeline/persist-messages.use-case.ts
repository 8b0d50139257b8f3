import { MessageDraft } from '../../domain/message';
import { MessageChange } from '../../domain/message-change';
import { ChannelMembers, SenderReadMark } from '../ports/channel-members.port';
import { ChatMetrics } from '../ports/chat-metrics.port';
import { isChange, LogEntry, MessageBus, StoredEntry } from '../ports/message-bus.port';
import { AppendOutcome, MessageStore } from '../ports/message-store.port';
import { SendersReadMarks } from './senders-read-marks';
import { StoredMessageWatchers } from './stored-message-watchers';

/** How long a sender's read mark may lag their stored message: the marks of this long go in one commit. */
const READ_MARK_INTERVAL_MS = 200;

/** A run of consecutive entries of one kind: drafts go to appendBatch together, changes to applyChanges. */
type Run = { readonly drafts: MessageDraft[] } | { readonly changes: MessageChange[] };

/**
 * The persist stage: one store transaction per batch of drafts, then the stored batch goes to every
 * node. Edits and deletes between the drafts split the batch into runs, each stored in log order
 * (a change sees the sends before it, a send's retry the changes before it); a batch of sends
 * alone stays one transaction, as before.
 */
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

  async execute(entries: readonly LogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const stored: StoredEntry[] = [];
    const appended: AppendOutcome[] = [];
    for (const run of runsOf(entries)) {
      if ('changes' in run) stored.push(...(await this.store.applyChanges(run.changes)));
      else {
        const outcomes = await this.appendDrafts(run.drafts);
        stored.push(...outcomes);
        appended.push(...outcomes);
      }
    }
    await this.bus.publishStored(stored);
    // Once per message in the cluster (this stage runs on one node per channel): push decides here.
    this.watchers.tell(appended.filter((outcome) => outcome.isNew).map((outcome) => outcome.message));
    this.moveSendersReadMarks(appended);
  }

  /** Moves the senders' marks still queued: on shutdown, after the last batch and before the stores close. */
  flushReadMarks(): Promise<void> {
    return this.readMarks.flush();
  }

  private async appendDrafts(drafts: readonly MessageDraft[]): Promise<AppendOutcome[]> {
    const started = performance.now();
    const outcomes = await this.store.appendBatch(drafts);
    this.metrics.batchStored(drafts.length, outcomes.filter((outcome) => outcome.isNew).length, (performance.now() - started) / 1000);
    // A draft offered again after a crash (stored, its log position not yet committed) finds its
    // own message: announce it as new, since the first announcement may never have gone out.
    // A client's retry is another draft (another id) and stays a duplicate, never shown twice.
    return outcomes.map((outcome, n) => ({ message: outcome.message, isNew: outcome.isNew || outcome.message.id === drafts[n].id }));
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

function runsOf(entries: readonly LogEntry[]): Run[] {
  const runs: Run[] = [];
  let last: Run | undefined;
  for (const entry of entries) {
    if (isChange(entry)) {
      if (last && 'changes' in last) last.changes.push(entry);
      else runs.push((last = { changes: [entry] }));
    } else if (last && 'drafts' in last) last.drafts.push(entry);
    else runs.push((last = { drafts: [entry] }));
  }
  return runs;
}
