// The chat library's public face.
export { MessageStoreModule } from './adapters/out/message-store.module';
export { chatPersistence } from './adapters/out/mysql/mysql-message-persistence';
export { MessageStore } from './application/ports/message-store.port';
export type { AppendOutcome, ReadMark } from './application/ports/message-store.port';
export type { Message, MessageDraft, MessageType } from './domain/message';
export { ChatRealtimeModule } from './chat-realtime.module';
export { toMessageView } from './adapters/in/socket/message-view';
export type { MessageView } from './adapters/in/socket/message-view';
