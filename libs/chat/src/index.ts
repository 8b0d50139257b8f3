// The chat library's public face.
export { MessageStoreModule } from './adapters/out/message-store.module';
export { chatPersistence } from './adapters/out/mysql/mysql-message-persistence';
export { MessageStore } from './application/ports/message-store.port';
export type { AppendOutcome, ReadMark } from './application/ports/message-store.port';
export type { Message, MessageDraft, MessageType } from './domain/message';
export { ChatRealtimeModule } from './chat-realtime.module';
export { ChatModule } from './chat.module';
export { MarkRead } from './application/mark-read.use-case';
export { toMessageView } from './adapters/in/message-view';
export type { MessageView } from './adapters/in/message-view';
export { READ_RECEIPTS_TOPIC } from './adapters/out/events/event-bus-read-receipts.adapter';
export type { ReadReceipt } from './domain/read-receipt';
export { textMessageDraft, systemMessageDraft } from './domain/message-draft';
export { messagePipelineTransport } from './message-pipeline-transport';
export { StoredMessageWatchers } from './application/pipeline/stored-message-watchers';
export type { StoredMessageWatcher } from './application/pipeline/stored-message-watchers';
export { ChatMembership } from './application/ports/chat-membership.port';
