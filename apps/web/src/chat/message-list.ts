import type { Message } from '../api/types';

/** Pure helpers over a channel's loaded messages, kept ascending by seq without duplicates. */
export function mergeBySeq(current: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  for (const message of incoming) {
    const known = bySeq.get(message.seq);
    // Unread numbers only go down: a copy fetched or acked earlier must not undo a receipt seen since.
    const unreadCount = known?.unreadCount !== undefined && message.unreadCount !== undefined ? Math.min(known.unreadCount, message.unreadCount) : message.unreadCount;
    bySeq.set(message.seq, { ...known, ...message, unreadCount, ...(known && newerChange(known, message)) });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * A copy fetched before an edit or a delete can arrive after it (a catch-up page in flight): a
 * tombstone never comes back to life, and an older edit never replaces a newer one.
 */
function newerChange(known: Message, incoming: Message): Partial<Message> | undefined {
  if (known.deletedAt && !incoming.deletedAt) return { text: known.text, deletedAt: known.deletedAt, editedAt: known.editedAt, replyTo: known.replyTo };
  if (known.editedAt && !incoming.deletedAt && (!incoming.editedAt || incoming.editedAt < known.editedAt)) return { text: known.text, editedAt: known.editedAt };
  return undefined;
}

export function lastSeq(messages: Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1].seq;
}

/**
 * A member's read mark moved to `seq`. A message that arrived live (after this view loaded) was
 * unread by every other member when it came, so each receipt that covers it takes one off its
 * number, once per member (`readers` remembers who was taken off already); the sender never counts.
 * Messages fetched from history are left alone: whether this member had already read them before
 * is not known here (the caller asks the server again for those).
 */
export function applyReceipt(messages: Message[], readers: Map<number, Set<string>>, userId: string, seq: number, arrivedLive: (seq: number) => boolean): Message[] {
  let changed = false;
  const next = messages.map((message) => {
    if (message.seq > seq || !arrivedLive(message.seq) || message.senderId === userId || !message.unreadCount) return message;
    const seen = readers.get(message.seq) ?? new Set<string>();
    if (seen.has(userId)) return message;
    seen.add(userId);
    readers.set(message.seq, seen);
    changed = true;
    return { ...message, unreadCount: message.unreadCount - 1 };
  });
  return changed ? next : messages;
}

/** The seqs of history messages up to `seq` whose unread number a receipt of `userId` may lower: [first, last], or null. */
export function historyRangeToRecount(messages: Message[], userId: string, seq: number, arrivedLive: (seq: number) => boolean): [number, number] | null {
  const candidates = messages.filter((m) => m.seq <= seq && !arrivedLive(m.seq) && m.senderId !== userId && (m.unreadCount ?? 0) > 0);
  return candidates.length === 0 ? null : [candidates[0].seq, candidates[candidates.length - 1].seq];
}

/** The quote a reply shows of `text`: its first 100 code points, as the server cuts it (never half of an emoji). */
export function snippetOf(text: string): string {
  return [...text].slice(0, 100).join('');
}

/**
 * An edit (`message:updated`, or my own edit's ack) replaces the loaded copy in place, and the
 * replies quoting it show the new text. A message not loaded here (older than the pages seen) is
 * left out: history brings it with its edit when scrolled back to.
 */
export function applyEdit(messages: Message[], edited: Message): Message[] {
  if (!messages.some((message) => message.seq === edited.seq)) return messages;
  const merged = mergeBySeq(messages, [edited]);
  return requote(merged, edited.id, snippetOf(edited.text));
}

/** A delete (`message:deleted`) leaves a tombstone in place: no text, `deletedAt` set; replies quoting it lose their snippet. */
export function applyDelete(messages: Message[], deleted: { id: string; seq: number }, at = new Date().toISOString()): Message[] {
  const next = messages.map((message) => (message.seq === deleted.seq && !message.deletedAt ? { ...message, text: '', deletedAt: at } : message));
  return requote(next, deleted.id, null);
}

function requote(messages: Message[], quotedId: string, snippet: string | null): Message[] {
  return messages.map((message) => (message.replyTo?.id === quotedId && message.replyTo.snippet !== snippet ? { ...message, replyTo: { ...message.replyTo, snippet } } : message));
}
