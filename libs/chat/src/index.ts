// The chat library's public face.
export { MessageStore } from './application/ports/message-store.port';
export type { AppendOutcome, ReadMark } from './application/ports/message-store.port';
export type { Message, MessageDraft, MessageType } from './domain/message';
