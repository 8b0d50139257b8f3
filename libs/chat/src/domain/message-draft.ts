import { SystemMessageDraft, TextMessageDraft } from './message';
import { InvalidMessageError } from './message.errors';

export const MAX_TEXT_CODE_POINTS = 4000;
export const MAX_CLIENT_MSG_ID_CODE_POINTS = 64;

// A lone surrogate cannot be stored as UTF-8 and would come back changed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A member's message, checked: text 1–4,000 code points and not only white space, clientMsgId 1–64; no reply unless given. */
export function textMessageDraft(fields: Omit<TextMessageDraft, 'type' | 'replyToId'> & { readonly replyToId?: string | null }): TextMessageDraft {
  requireText(fields.text);
  const clientIdLength = [...fields.clientMsgId].length;
  if (clientIdLength < 1 || clientIdLength > MAX_CLIENT_MSG_ID_CODE_POINTS || LONE_SURROGATE.test(fields.clientMsgId)) {
    throw new InvalidMessageError(`clientMsgId must be 1 to ${MAX_CLIENT_MSG_ID_CODE_POINTS} characters long`);
  }
  return { ...fields, type: 'TEXT', replyToId: fields.replyToId ?? null };
}

/** A server notice (join, leave, invite) of the channel. */
export function systemMessageDraft(fields: Pick<SystemMessageDraft, 'id' | 'channelId' | 'text' | 'createdAt'>): SystemMessageDraft {
  requireText(fields.text);
  return { ...fields, type: 'SYSTEM', senderId: null, senderName: null, clientMsgId: null, replyToId: null };
}

/** The rules of a message's text (a send's or an edit's): 1–4,000 code points, not only white space, valid Unicode. */
export function requireText(text: string): void {
  const length = [...text].length;
  if (length < 1 || length > MAX_TEXT_CODE_POINTS) {
    throw new InvalidMessageError(`text must be 1 to ${MAX_TEXT_CODE_POINTS} characters long`);
  }
  if (text.trim() === '') throw new InvalidMessageError('text must not be only white space');
  if (LONE_SURROGATE.test(text)) throw new InvalidMessageError('text must be valid Unicode');
}
