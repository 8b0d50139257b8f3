import { AppendOutcome } from '../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../domain/message';

/** The identity of a retry: (channel, sender, clientMsgId); SYSTEM drafts have none. */
export function retryKeyOf(message: Pick<MessageDraft, 'channelId' | 'senderId' | 'clientMsgId'>): string | undefined {
  return message.senderId === null || message.clientMsgId === null
    ? undefined
    : JSON.stringify([message.channelId, message.senderId, message.clientMsgId]);
}

export interface AppendPlan {
  readonly outcomes: AppendOutcome[];
  /** Messages to insert, in seq order per channel. */
  readonly fresh: Message[];
  /** The new last seq of each channel that gets fresh messages. */
  readonly lastSeq: ReadonlyMap<string, number>;
}

/**
 * Decides, inside the adapter's transaction, what a batch stores: `stored` holds
 * the already-stored messages for the batch's retry keys, `lastSeq` each channel's
 * last stored seq (read under the channel's write lock).
 */
export function planAppend(
  drafts: readonly MessageDraft[],
  stored: ReadonlyMap<string, Message>,
  lastSeq: ReadonlyMap<string, number>,
): AppendPlan {
  const known = new Map(stored);
  const next = new Map<string, number>();
  const fresh: Message[] = [];
  const outcomes = drafts.map((draft): AppendOutcome => {
    const key = retryKeyOf(draft);
    const first = key === undefined ? undefined : known.get(key);
    if (first) return { message: first, isNew: false };
    const seq = (next.get(draft.channelId) ?? lastSeq.get(draft.channelId) ?? 0) + 1;
    next.set(draft.channelId, seq);
    const message: Message = { ...draft, seq, editedAt: null, deletedAt: null };
    fresh.push(message);
    if (key !== undefined) known.set(key, message);
    return { message, isNew: true };
  });
  return { outcomes, fresh, lastSeq: next };
}

/** Distinct values in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Splits a list so one SQL statement never carries too many parameters. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
