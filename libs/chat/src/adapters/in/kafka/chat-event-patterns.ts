/** The `@EventPattern`s of the chat pipeline; chat-batch-subscriptions.ts maps them to topics. */
export const DRAFTS_PATTERN = 'chat.drafts';
export const STORED_PATTERN = 'chat.stored';
