import { AppendOutcome } from '../../../application/ports/message-store.port';
import { Message, MessageDraft } from '../../../domain/message';

/** Drafts and stored outcomes as JSON on Kafka; dates travel as ISO strings and come back as Dates. */
export function encodeDraft(draft: MessageDraft): string {
  return JSON.stringify(draft);
}

export function decodeDraft(value: Buffer): MessageDraft {
  const draft = JSON.parse(value.toString()) as MessageDraft & { createdAt: string };
  // A draft put on the log by a node from before replies has no replyToId.
  return { ...draft, replyToId: draft.replyToId ?? null, createdAt: new Date(draft.createdAt) } as MessageDraft;
}

export function encodeOutcomes(outcomes: readonly AppendOutcome[]): string {
  return JSON.stringify(outcomes);
}

export function decodeOutcomes(value: Buffer): AppendOutcome[] {
  const outcomes = JSON.parse(value.toString()) as Array<{ message: Message & { createdAt: string }; isNew: boolean }>;
  return outcomes.map(({ message, isNew }) => ({ message: { ...message, replyToId: message.replyToId ?? null, createdAt: new Date(message.createdAt) } as Message, isNew }));
}
