import { Message } from './message';

/** A message with how many other members have not read up to it (DESIGN §5 `unreadCount`). */
export type CountedMessage = Message & { readonly unreadCount: number };

export interface ReadMark {
  readonly userId: string;
  readonly lastReadSeq: number;
}

/**
 * One channel's read marks, sorted once, so that each message of a page costs a binary search:
 * O(members · log members) to build, O(log members) per message.
 */
export class ChannelReadMarks {
  private readonly seqs: number[];
  private readonly markOf: Map<string, number>;

  constructor(marks: readonly ReadMark[]) {
    // Already sorted by the store: sorting a sorted array is a linear pass, and keeps this honest.
    this.seqs = marks.map((mark) => mark.lastReadSeq).sort((a, b) => a - b);
    this.markOf = new Map(marks.map((mark) => [mark.userId, mark.lastReadSeq]));
  }

  /** Members whose mark is below the message's seq, the sender left out (their mark may lag behind); 0 for a SYSTEM notice. */
  unreadCount(message: Message): number {
    if (message.type === 'SYSTEM') return 0;
    const below = countBelow(this.seqs, message.seq);
    const senderMark = message.senderId === null ? undefined : this.markOf.get(message.senderId);
    return senderMark !== undefined && senderMark < message.seq ? below - 1 : below;
  }

  count(messages: readonly Message[]): CountedMessage[] {
    return messages.map((message) => ({ ...message, unreadCount: this.unreadCount(message) }));
  }
}

/** How many of the ascending `sorted` are below `seq`. */
function countBelow(sorted: readonly number[], seq: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Unread counts of messages just stored, in one channel, from its members alone: a new message's
 * seq is above every read mark (marks are clamped to the last seq), except the marks of members
 * who sent a later message of the same batch (sending moves one's mark to one's message). So a
 * fresh message is unread by every member but its sender and those later senders.
 */
export function countFresh(messages: readonly Message[], members: ReadonlySet<string>): CountedMessage[] {
  const newestFirst = [...messages].sort((a, b) => b.seq - a.seq);
  const laterSenders = new Set<string>();
  const counts = new Map<Message, number>();
  for (const message of newestFirst) {
    const sender = message.senderId;
    const readers = laterSenders.size - (sender !== null && laterSenders.has(sender) ? 1 : 0);
    const others = members.size - (sender !== null && members.has(sender) ? 1 : 0);
    // A SYSTEM notice is never unread (DESIGN §5).
    counts.set(message, message.type === 'SYSTEM' ? 0 : Math.max(0, others - readers));
    if (sender !== null && members.has(sender)) laterSenders.add(sender);
  }
  return messages.map((message) => ({ ...message, unreadCount: counts.get(message) ?? 0 }));
}
