import { NewMessage } from '../domain/new-message';
import { PendingNotice } from '../domain/push-notification';

export interface DueNotice {
  readonly userId: string;
  readonly notice: PendingNotice;
}

/** The most stored messages waiting to be examined; beyond it the oldest are dropped (and counted). */
export const PUSH_INTAKE_MAX = 50_000;

/**
 * The push path's memory, off the hot path of delivery: the messages the persist stage stored
 * since the last tick, and the notifications held per (user, channel). A (user, channel) gets at
 * most one notification per `coalesceMs`: the first of a quiet spell goes at the next tick, the
 * messages after it wait for the window's end and then go as one, carrying the newest message
 * and how many it stands for.
 */
export class PushQueue {
  private intake: NewMessage[] = [];
  private readonly held = new Map<string, DueNotice>();
  private readonly lastSentAt = new Map<string, number>();

  constructor(private readonly coalesceMs: number) {}

  /** Takes note of stored messages; answers how many older ones were dropped to stay bounded. */
  offer(messages: readonly NewMessage[]): number {
    this.intake.push(...messages);
    const over = this.intake.length - PUSH_INTAKE_MAX;
    if (over > 0) this.intake.splice(0, over);
    return Math.max(0, over);
  }

  takeIntake(): NewMessage[] {
    const taken = this.intake;
    this.intake = [];
    return taken;
  }

  /** Holds a notice for the user; answers true when it was folded into one already held. */
  hold(userId: string, message: NewMessage): boolean {
    const key = keyOf(userId, message.channelId);
    const earlier = this.held.get(key)?.notice;
    const count = (earlier?.count ?? 0) + 1;
    // The notice shows the newest message of the run, whatever order the messages came in.
    const notice: PendingNotice =
      earlier && earlier.seq > message.seq
        ? { ...earlier, count }
        : { channelId: message.channelId, messageId: message.id, seq: message.seq, senderName: message.senderName ?? '', text: message.text, count };
    this.held.set(key, { userId, notice });
    return earlier !== undefined;
  }

  /** The held notices whose (user, channel) has not had one in the last `coalesceMs`; marks them sent at `now`. */
  takeDue(now: number): DueNotice[] {
    const due: DueNotice[] = [];
    for (const [key, entry] of this.held) {
      if ((this.lastSentAt.get(key) ?? -Infinity) + this.coalesceMs > now) continue;
      due.push(entry);
      this.held.delete(key);
      this.lastSentAt.set(key, now);
    }
    // Forget windows that have closed, so the map holds only recent (user, channel) pairs.
    for (const [key, at] of this.lastSentAt) if (at + this.coalesceMs <= now && !this.held.has(key)) this.lastSentAt.delete(key);
    return due;
  }
}

function keyOf(userId: string, channelId: string): string {
  return `${userId} ${channelId}`;
}
