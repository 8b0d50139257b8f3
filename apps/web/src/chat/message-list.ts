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
    bySeq.set(message.seq, { ...known, ...message, unreadCount });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function lastSeq(messages: Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1].seq;
}

/**
 * A member's read mark moved to `seq`: each message up to it that this member had not read yet
 * (as far as this view knows: `readers` holds who was already taken off) loses one from its unread
 * number. The sender never counts for their own message.
 */
export function applyReceipt(messages: Message[], readers: Map<number, Set<string>>, userId: string, seq: number): Message[] {
  let changed = false;
  const next = messages.map((message) => {
    if (message.seq > seq || message.senderId === userId || !message.unreadCount) return message;
    const seen = readers.get(message.seq) ?? new Set<string>();
    if (seen.has(userId)) return message;
    seen.add(userId);
    readers.set(message.seq, seen);
    changed = true;
    return { ...message, unreadCount: message.unreadCount - 1 };
  });
  return changed ? next : messages;
}
