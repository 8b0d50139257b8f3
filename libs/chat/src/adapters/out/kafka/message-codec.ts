import { isChangeOutcome, LogEntry, StoredEntry } from '../../../application/ports/message-bus.port';
import { Message, MessageDraft } from '../../../domain/message';
import { MessageChange } from '../../../domain/message-change';

/**
 * Log entries and stored outcomes as JSON on Kafka; dates travel as ISO strings and come back as
 * Dates. A draft is its plain JSON, as it always was (a log written before edits existed still
 * reads); an edit or delete is told apart by its `change` field. Fields added later (replyToId,
 * editedAt, deletedAt) read as null on records written before them.
 */
export function encodeDraft(draft: MessageDraft): string {
  return JSON.stringify(draft);
}

export function encodeChange(change: MessageChange): string {
  return JSON.stringify(change);
}

export function decodeEntry(value: Buffer): LogEntry {
  const entry = JSON.parse(value.toString()) as (MessageDraft & { createdAt: string }) | (MessageChange & { at: string });
  if ('change' in entry) return { ...entry, at: new Date(entry.at) };
  return { ...entry, replyToId: entry.replyToId ?? null, createdAt: new Date(entry.createdAt) } as MessageDraft;
}

export function encodeStored(entries: readonly StoredEntry[]): string {
  return JSON.stringify(entries);
}

export function decodeStored(value: Buffer): StoredEntry[] {
  const entries = JSON.parse(value.toString()) as StoredEntry[];
  return entries.map((entry) => {
    if (isChangeOutcome(entry)) return entry.applied ? { ...entry, message: revived(entry.message) } : entry;
    return { message: revived(entry.message), isNew: entry.isNew };
  });
}

function revived(message: Message): Message {
  const json = message as unknown as { createdAt: string; editedAt: string | null; deletedAt: string | null };
  return {
    ...message,
    replyToId: message.replyToId ?? null,
    createdAt: new Date(json.createdAt),
    editedAt: dateOrNull(json.editedAt),
    deletedAt: dateOrNull(json.deletedAt),
  } as Message;
}

function dateOrNull(iso: string | null | undefined): Date | null {
  return iso == null ? null : new Date(iso);
}
